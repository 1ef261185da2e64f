/**
 * Crash-safe file replacement: the content goes to a temp file in the same directory, which is
 * then renamed over the target (atomic on POSIX file systems). A reader sees the old or the new
 * document, never a partial one; a crash leaves at most a stray temp file, which readers ignore.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** True for the names atomicWrite uses for its temp files (readers skip them). */
export function isTempName(name: string): boolean {
  return name.startsWith('.') || name.endsWith('.tmp');
}

export interface AtomicWriteOptions {
  /** fsync the file before the rename, so the new content survives a power loss too. Default true. */
  fsync?: boolean;
}

export async function atomicWrite(
  file: string,
  data: string | Uint8Array,
  opts: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writeFile(data);
      if (opts.fsync ?? true) await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
