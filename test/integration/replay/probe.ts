/**
 * A raw HTTP GET that reports what really happened on the wire: status and headers (if any),
 * how many body bytes arrived, whether the body was complete, and when headers and end came.
 * Used to observe injected faults that fetch() would only report as a generic error.
 */
import { type Agent, get, type IncomingHttpHeaders } from 'node:http';

export interface ProbeResult {
  status: number | null;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** True when the body arrived in full (as long as Content-Length said). */
  complete: boolean;
  /** Error code or message when the request or the response failed. */
  error: string | null;
  /** Milliseconds from the request to the response headers, null when none came. */
  headersMs: number | null;
  /** Milliseconds from the request to the end of the exchange. */
  totalMs: number;
  reusedSocket: boolean;
}

export function probe(
  url: string,
  opts: { headers?: Record<string, string>; agent?: Agent } = {},
): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    let settled = false;
    const done = (r: Omit<ProbeResult, 'totalMs' | 'reusedSocket'>): void => {
      if (settled) return;
      settled = true;
      resolve({ ...r, totalMs: performance.now() - t0, reusedSocket: req.reusedSocket });
    };
    let responded = false;
    const req = get(url, { headers: opts.headers, agent: opts.agent }, (res) => {
      responded = true;
      const headersMs = performance.now() - t0;
      const chunks: Buffer[] = [];
      let error: string | null = null;
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (err: NodeJS.ErrnoException) => {
        error = err.code ?? err.message;
      });
      res.on('close', () => {
        done({
          status: res.statusCode ?? null,
          headers: res.headers,
          body: Buffer.concat(chunks),
          complete: res.complete,
          error: res.complete ? null : (error ?? 'aborted'),
          headersMs,
        });
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      // After the headers, the response's own close event reports what arrived.
      if (responded) return;
      done({
        status: null,
        headers: {},
        body: Buffer.alloc(0),
        complete: false,
        error: err.code ?? err.message,
        headersMs: null,
      });
    });
  });
}
