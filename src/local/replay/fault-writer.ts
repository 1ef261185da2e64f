/**
 * Writes a page answer to the response, damaged as the fault decision says: cut short
 * (truncated: Content-Length larger than what is sent), reset in the middle of the body, or
 * trickled over a while (slow body). Faults that replace the answer (5xx, reset before the
 * headers) are handled before the page is made; HEAD requests are never damaged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Answer } from './answer.ts';
import type { DelayedWork } from './delayed-work.ts';
import type { FaultDecision } from './faults.ts';

const HTML = 'text/html; charset=UTF-8';

/** The decision that leaves an answer whole. */
export const NO_FAULT: FaultDecision = { type: 'none', latencyMs: 0 };

/** Told the status and fault to log before the connection ends (a reset is logged as status 0). */
export type RecordOutcome = (status: number, fault: string | null) => void;

/** Writes `answer`, possibly damaged by `decision`; resolves once the writing is over. */
export function writeAnswer(
  req: IncomingMessage,
  res: ServerResponse,
  answer: Answer,
  decision: FaultDecision,
  record: RecordOutcome,
  work: DelayedWork,
): Promise<void> {
  const head = req.method === 'HEAD';
  const headers: Record<string, string | number> = {
    'content-type': HTML,
    'content-length': answer.body.length,
    ...answer.headers,
  };
  const fault = decision.type === 'none' ? answer.fault : decision.type;
  if (fault) headers['x-replay-fault'] = fault;
  const socket = res.socket as Socket | null;
  if (decision.type === 'none' || head) {
    record(answer.status, fault);
    res.writeHead(answer.status, headers);
    res.end(head ? undefined : answer.body);
    return Promise.resolve();
  }
  if (decision.type === 'truncated' || (decision.type === 'reset' && decision.phase === 'mid-body')) {
    const cut =
      decision.type === 'truncated'
        ? Math.floor(answer.body.length * decision.fraction)
        : Math.floor(answer.body.length / 2);
    res.writeHead(answer.status, headers);
    return new Promise((resolve) => {
      res.write(answer.body.subarray(0, cut), () => {
        if (decision.type === 'truncated') {
          record(answer.status, fault);
          socket?.destroySoon();
          resolve();
          return;
        }
        // Let the client read what was sent, then reset (RST): an abrupt end, not a close.
        work.later(25, () => {
          record(0, fault);
          socket?.resetAndDestroy();
          resolve();
        });
      });
    });
  }
  if (decision.type === 'slow-body') {
    record(answer.status, fault);
    res.writeHead(answer.status, headers);
    res.flushHeaders();
    const chunks = Math.max(1, Math.min(decision.chunks, answer.body.length));
    const size = Math.ceil(answer.body.length / chunks);
    const gap = decision.durationMs / chunks;
    return new Promise((resolve) => {
      let i = 0;
      const step = (): void => {
        if (res.destroyed || work.stopped) {
          resolve();
          return;
        }
        const part = answer.body.subarray(i * size, (i + 1) * size);
        i++;
        if (i >= chunks) {
          res.end(part);
          resolve();
          return;
        }
        res.write(part);
        work.later(gap, step);
      };
      step();
    });
  }
  // Unreachable: reset before headers and server errors are answered before the page is made.
  record(answer.status, fault);
  res.writeHead(answer.status, headers);
  res.end(answer.body);
  return Promise.resolve();
}
