/**
 * The HTTP server of every long-running process (worker, exporter): `/metrics` (Prometheus text
 * format), `/healthz` (liveness) and `/readyz` (readiness), 200 or 503 with the checks as JSON.
 * Once listening it logs `{"msg":"http server listening","port":N}`, so whoever started the
 * process with METRICS_PORT=0 can find the port.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from '../log/logger.ts';
import { type Check, runChecks } from './checks.ts';

export const LISTENING_MESSAGE = 'http server listening';

export interface HealthServerOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  registry: Registry;
  liveness: readonly Check[];
  readiness: readonly Check[];
  logger: Logger;
}

export interface HealthServer {
  readonly port: number;
  readonly url: string;
  /** Stops listening and closes open connections; idempotent. */
  close(): Promise<void>;
}

export async function startHealthServer(opts: HealthServerOptions): Promise<HealthServer> {
  const log = opts.logger.child({ component: 'http' });
  const send = (res: ServerResponse, status: number, type: string, body: string): void => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(res.req.method === 'HEAD' ? undefined : body);
  };
  const probe = async (res: ServerResponse, checks: readonly Check[]): Promise<void> => {
    const result = await runChecks(checks);
    send(res, result.ok ? 200 : 503, 'application/json; charset=utf-8', `${JSON.stringify(result)}\n`);
  };
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
      return;
    }
    if (path === '/metrics') {
      send(res, 200, opts.registry.contentType, await opts.registry.metrics());
    } else if (path === '/healthz') {
      await probe(res, opts.liveness);
    } else if (path === '/readyz') {
      await probe(res, opts.readiness);
    } else {
      send(res, 404, 'text/plain; charset=utf-8', 'not found: try /metrics, /healthz or /readyz\n');
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log.error({ err }, 'http request failed');
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error): void =>
      reject(
        new Error(
          `cannot serve /metrics, /healthz and /readyz on ${opts.host}:${opts.port} (${err.message}): set METRICS_HOST / METRICS_PORT (0: any free port, -1: off)`,
          { cause: err },
        ),
      );
    server.once('error', onError);
    server.listen(opts.port, opts.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  log.info({ address: opts.host, port }, LISTENING_MESSAGE);

  let closing: Promise<void> | undefined;
  return {
    port,
    url: `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
