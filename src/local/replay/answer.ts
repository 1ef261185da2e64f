/**
 * What the replay site answers a page request with, before the fault writer sends it: status,
 * body, the fault that shaped it (logged in the request stats and sent as `X-Replay-Fault`) and
 * any extra headers.
 */
export interface Answer {
  status: number;
  body: Buffer;
  /** `layout`, `rate-limited`, `blocked`, `server-error`, or null for a plain answer. */
  fault: string | null;
  headers?: Record<string, string>;
}

/** An HTML answer. */
export function htmlAnswer(
  status: number,
  html: string,
  fault: string | null,
  headers?: Record<string, string>,
): Answer {
  return { status, body: Buffer.from(html, 'utf8'), fault, ...(headers ? { headers } : {}) };
}
