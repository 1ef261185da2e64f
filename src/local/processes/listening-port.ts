/**
 * Finds the port a process of ours listens on for /metrics, /healthz and /readyz from its JSON
 * log (the `http server listening` line), for harnesses that started it with METRICS_PORT=0.
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { LISTENING_MESSAGE } from '../../health/http-server.ts';

/** The port of the first `http server listening` line in `text` (pino JSON lines), or null. */
export function listeningPortIn(text: string): number | null {
  for (const line of text.split('\n')) {
    if (!line.includes(LISTENING_MESSAGE)) continue;
    try {
      const entry = JSON.parse(line) as { msg?: unknown; port?: unknown };
      if (entry.msg === LISTENING_MESSAGE && typeof entry.port === 'number') return entry.port;
    } catch {
      // Not a JSON line (a stack trace, a partial line): skip it.
    }
  }
  return null;
}

/**
 * Polls `logFile` until it holds the listening line; throws after `timeoutMs`, or at once when
 * `exited` settles first (the process died before listening).
 */
export async function waitForListeningPort(
  logFile: string,
  opts: { timeoutMs?: number; exited?: Promise<unknown> } = {},
): Promise<number> {
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  let dead = false;
  void opts.exited?.then(() => {
    dead = true;
  });
  for (;;) {
    const text = await readFile(logFile, 'utf8').catch(() => '');
    const port = listeningPortIn(text);
    if (port !== null) return port;
    if (dead) throw new Error(`the process logging to ${logFile} exited before it listened`);
    if (Date.now() > deadline) throw new Error(`no "${LISTENING_MESSAGE}" line in ${logFile} in time`);
    await sleep(100);
  }
}
