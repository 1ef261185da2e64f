/**
 * The way of a page request (anything outside `/__replay/`) through the replay site:
 * request stats -> method check -> rate gate -> per-request fault (latency, reset before the
 * headers, 5xx) -> page (page-resolver.ts) -> fault writer (truncated, slow or reset body).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Logger } from '../../log/logger.ts';
import { type Answer, htmlAnswer } from './answer.ts';
import type { DelayedWork } from './delayed-work.ts';
import { NO_FAULT, writeAnswer } from './fault-writer.ts';
import type { LiveFaults } from './live-faults.ts';
import type { PageResolver } from './page-resolver.ts';
import { clientOf } from './rate-gate.ts';
import { renderServerErrorPage } from './render-errors.ts';
import type { RequestStats } from './request-stats.ts';
import { type PageKind, parsePagePath } from './routes.ts';

export interface PageRequestParts {
  stats: RequestStats;
  faults: LiveFaults;
  pages: PageResolver;
  work: DelayedWork;
  log: Logger;
}

/** Answers a page request that arrived at `arrival` (ms since the epoch). Never rejects. */
export function servePage(
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  arrival: number,
  parts: PageRequestParts,
): void {
  handlePage(req, res, url, arrival, parts).catch((err: unknown) => {
    parts.log.error({ err, url }, 'request failed');
    if (!res.headersSent) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error\n');
    } else res.destroy();
  });
}

async function handlePage(
  req: IncomingMessage,
  res: ServerResponse,
  url: string,
  arrival: number,
  { stats, faults, pages, work, log }: PageRequestParts,
): Promise<void> {
  const kind: PageKind = parsePagePath(url).kind;
  const client = clientOf(req);
  const rec = stats.begin(arrival, client, req.method ?? 'GET', url, kind);
  let outcome: [number, string | null] | null = null;
  const record = (status: number, fault: string | null): void => {
    outcome = [status, fault];
  };
  res.once('close', () => {
    // Without a recorded outcome the client went away before the answer.
    stats.end(rec, outcome ? outcome[0] : 0, outcome ? outcome[1] : 'client-closed');
  });
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    const body = Buffer.from('method not allowed\n');
    res.writeHead(405, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': body.length,
      allow: 'GET, HEAD',
    });
    record(405, null);
    res.end(body);
    return;
  }
  const refusal = faults.gate?.refusal(req, client, arrival) ?? null;
  if (refusal) {
    await writeAnswer(req, res, refusal, NO_FAULT, record, work);
    return;
  }
  const decision = faults.decide(kind, url);
  await work.sleep(decision.latencyMs);
  if (work.stopped || res.destroyed) return;
  if (decision.type === 'reset' && decision.phase === 'before-headers') {
    record(0, 'reset');
    (req.socket as Socket).resetAndDestroy();
    return;
  }
  if (decision.type === 'server-error') {
    const headers: Record<string, string> = {};
    const retryAfter = faults.config.serverErrors.retryAfterSeconds;
    if (decision.status === 503 && retryAfter !== null) headers['retry-after'] = String(retryAfter);
    const answer = htmlAnswer(
      decision.status,
      renderServerErrorPage(decision.status),
      'server-error',
      headers,
    );
    await writeAnswer(req, res, answer, NO_FAULT, record, work);
    return;
  }
  let answer: Answer;
  try {
    answer = pages.resolve(url, faults.config);
  } catch (err) {
    log.error({ err, url }, 'page generation failed');
    answer = htmlAnswer(500, renderServerErrorPage(500), null);
  }
  await writeAnswer(req, res, answer, decision, record, work);
}
