/**
 * The replay site in a process of its own (started by site.ts over IPC), so the contenders never
 * share an event loop or a core's time slice with the server in the benchmark's own process.
 * Rendered pages are cached for the whole run (warm() renders them up front), so serving a page
 * costs a socket write, not a render.
 */
import { createReplaySite } from '../../src/local/replay/replay-site.ts';
import type { SiteRequest, SiteResponse } from './site.ts';

const opts = JSON.parse(process.argv[2] ?? '{}') as {
  seasons: number[];
  asOf: string | null;
  cacheBytes: number;
};
const site = await createReplaySite({
  seasons: opts.seasons,
  port: 0,
  asOf: opts.asOf,
  // Every page of the benchmark's seasons stays rendered (a season's box scores are ~430 MB), as
  // Buffers outside V8's heap.
  cacheBytes: opts.cacheBytes,
  logLimit: 1_000_000,
});

/** Requests every path once; returns each page's size in bytes. */
async function warm(paths: string[]): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const res = await fetch(`${site.url}${path}`);
      sizes[path] = (await res.arrayBuffer()).byteLength;
    }
  };
  await Promise.all(Array.from({ length: 4 }, lane));
  site.resetStats();
  return sizes;
}

process.on('message', (msg: SiteRequest) => {
  const reply = (r: Omit<SiteResponse, 'id'>): void => {
    process.send?.({ id: msg.id, ...r });
  };
  (async () => {
    switch (msg.op) {
      case 'stats':
        return site.stats(msg.query);
      case 'resetStats':
        return site.resetStats();
      case 'setFaults':
        return site.setFaults(msg.faults);
      case 'groundTruth':
        return site.groundTruth(msg.season);
      case 'warm':
        return warm(msg.paths);
      case 'close':
        await site.close();
        setImmediate(() => process.exit(0));
        return null;
    }
  })().then(
    (result) => reply({ ok: true, result: result ?? null }),
    (err: unknown) => reply({ ok: false, error: String((err as Error)?.stack ?? err) }),
  );
});
process.on('disconnect', () => {
  void site.close().finally(() => process.exit(0));
});
process.send?.({ id: 0, ok: true, result: site.url });
