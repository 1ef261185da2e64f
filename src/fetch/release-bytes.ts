/**
 * Freeing a page's bytes as soon as a job is done with them, instead of at V8's next full
 * collection (see `FetchedPage.release`).
 *
 * The bytes are freed by detaching their ArrayBuffer (`ArrayBuffer.prototype.transfer(0)`): every
 * view of it, `bytes` included, becomes empty. Only an ArrayBuffer that `bytes` spans whole is
 * detached: a small Buffer is a slice of Node's shared pool, whose other slices belong to others.
 * Returns whether the bytes were freed.
 */
export function releaseBytes(bytes: Uint8Array): boolean {
  const whole = bytes.buffer;
  if (!(whole instanceof ArrayBuffer) || whole.detached) return false;
  if (bytes.byteOffset !== 0 || bytes.byteLength !== whole.byteLength || whole.byteLength === 0) return false;
  whole.transfer(0);
  return true;
}
