/**
 * The deployment for real: the image built from the Dockerfile with podman, then the chart's
 * workloads (rendered by helm with scripts/podman/values.yaml, adapted only where podman cannot
 * do what Kubernetes does: scripts/podman/adapt.ts) run as pods with `podman kube play` against
 * a real Redis, PostgreSQL and the replay site on the host's loopback. The producer Job enqueues
 * 2018; the workers run as uid 1000 on a read-only root and pass their probes; scaling from 1 to
 * 3 replicas raises throughput; a worker pod SIGKILLed and one SIGTERMed mid-season lose
 * nothing; `nba-scraper status` runs in a pod; the exporter's /metrics shows the queue. The
 * season ends with every game stored once.
 *
 * The commands are those of docs/operations.md ("Try the chart locally with podman").
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import pg from 'pg';
import { parseDockerfile } from '../../scripts/k8s/lib/dockerfile.ts';
import { REPO_ROOT } from '../../scripts/k8s/tools.ts';
import { httpGetProbeCommand, probeShellLine } from '../../scripts/podman/adapt.ts';
import { ChartPods, HOST_FROM_PODS, loadState } from '../../scripts/podman/chart-pods.ts';
import { podman, podmanEnv, podmanRun } from '../../scripts/podman/podman.ts';
import { freePort } from '../../src/local/processes/free-port.ts';
import { type LocalRedis, startLocalRedis } from '../../src/local/processes/local-redis.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/pg-database.ts';
import { waitFor } from '../helpers/wait.ts';

const run = promisify(execFile);
const NODE = process.execPath;
const SEASON = 2018;
/** Every page answers after this delay: throughput is bound by workers × concurrency, not CPU. */
const LATENCY_MS = 600;
const VALUES = 'scripts/podman/values.yaml';

let image = '';
let redis: LocalRedis;
let db: TestDatabase;
let site: ChildProcess;
let siteUrl = '';
let pods: ChartPods;
let setArgs: string[] = [];
let played: string[] = [];

/** Runs the chart-pods CLI as a separate process (the replay site and Redis keep serving). */
async function chartPods(...args: string[]): Promise<string> {
  const r = await run(NODE, ['scripts/podman/chart-pods.ts', ...args], {
    cwd: REPO_ROOT,
    maxBuffer: 32 * 1024 * 1024,
    timeout: 600_000,
  });
  return r.stdout + r.stderr;
}

async function storedGames(): Promise<number> {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const r = await client.query(`select count(*) n from games where season = ${SEASON} and has_box_score`);
    return Number(r.rows[0].n);
  } catch {
    return 0; // before the first worker made the tables
  } finally {
    await client.end();
  }
}

/** Games stored per second over a window. */
async function rate(windowMs: number): Promise<number> {
  const start = await storedGames();
  const t0 = Date.now();
  await sleep(windowMs);
  return ((await storedGames()) - start) / ((Date.now() - t0) / 1000);
}

/** Waits until `check` is true (generous deadlines: the machine may be busy). */
function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  opts: { timeoutMs: number; intervalMs: number },
) {
  return waitFor(what, check, (ok) => ok, opts);
}

function inspect(container: string, format: string): string {
  return podman(['inspect', container, '--format', format]).trim();
}

async function ready(pod: string): Promise<void> {
  await until(
    `${pod} passes its startup and readiness probes`,
    () => pods.probe(pod, 'startupProbe') && pods.probe(pod, 'readinessProbe'),
    { timeoutMs: 120_000, intervalMs: 1000 },
  );
}

describe('the image and the chart as podman pods', { timeout: 1_800_000 }, () => {
  before(async () => {
    if (podmanRun(['--version']).code !== 0)
      throw new Error('podman is not installed: run `npm test` (scripts/setup.sh test installs it)');
    redis = await startLocalRedis();
    db = await createTestDatabase('nba_pods');
    const port = await freePort();
    site = spawn(
      NODE,
      [
        'dist/cli/main.js',
        'site',
        '--seasons',
        String(SEASON),
        '--port',
        String(port),
        '--faults',
        JSON.stringify({ latency: { fixedMs: LATENCY_MS } }),
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    siteUrl = `http://127.0.0.1:${port}`;
    await until(
      'the replay site answers',
      async () =>
        (await fetch(`${siteUrl}/__replay/seasons/${SEASON}/games.json`).catch(() => null))?.ok === true,
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const truth = (await (await fetch(`${siteUrl}/__replay/seasons/${SEASON}/games.json`)).json()) as {
      games: { gameId: string; played: boolean }[];
    };
    played = truth.games.filter((g) => g.played).map((g) => g.gameId);
    const pgUrl = new URL(db.url);
    pgUrl.hostname = HOST_FROM_PODS;
    setArgs = [
      '--set',
      `externalRedis.url=redis://${HOST_FROM_PODS}:${redis.port}/0`,
      '--set',
      `externalDatabase.url=${pgUrl}`,
      '--set',
      `config.SOURCE_BASE_URL=http://${HOST_FROM_PODS}:${port}`,
    ];
  });

  after(async () => {
    if (pods) await chartPods('down').catch(() => {});
    site?.kill('SIGTERM');
    await redis?.stop();
    await db?.drop();
  });

  test('the image builds from the Dockerfile (size and layers reported)', async (t) => {
    const r = await run('bash', ['scripts/image/build-image.sh'], {
      cwd: REPO_ROOT,
      maxBuffer: 64 * 1024 * 1024,
      timeout: 1_200_000,
    });
    image = r.stdout.trim();
    assert.match(image, /^localhost\/nba-scraper:\d+\.\d+\.\d+$/);
    const size = Number(inspect(image, '{{.Size}}'));
    t.diagnostic(`image ${image}: ${(size / 1e6).toFixed(1)} MB`);
    // Each stage built alone (from the layer cache), then the runtime image's layers.
    const base = /building \S+ on (\S+)/.exec(r.stderr)?.[1];
    assert.ok(base, 'the build names its base image');
    for (const stage of parseDockerfile(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8')).stages) {
      if (!stage.name) continue;
      const tag = `localhost/nba-scraper-stage:${stage.name}`;
      await run(
        'podman',
        ['build', '-q', '--target', stage.name, '--build-arg', `NODE_IMAGE=${base}`, '-t', tag, '.'],
        {
          cwd: REPO_ROOT,
          env: podmanEnv(),
          timeout: 600_000,
        },
      );
      t.diagnostic(`stage ${stage.name}: ${(Number(inspect(tag, '{{.Size}}')) / 1e6).toFixed(1)} MB`);
    }
    for (const line of podman(['history', '--format', '{{.Size}}\t{{.CreatedBy}}', image])
      .trim()
      .split('\n')) {
      t.diagnostic(`layer ${line.slice(0, 140)}`);
    }
    assert.equal(inspect(image, '{{.Config.User}}'), '1000:1000');
    assert.equal(
      inspect(image, '{{json .Config.Entrypoint}}'),
      '["node","--enable-source-maps","/app/dist/cli/main.js"]',
    );
    assert.ok(
      size > 50e6 && size < 600e6,
      `image size ${size} bytes is plausible for Node 24 slim + the app`,
    );
  });

  test('the producer Job enqueues the season and exits 0; one worker and the exporter start', async () => {
    assert.ok(image, 'the image was built');
    const out = await chartPods('up', '-f', VALUES, '--release', 'nba', ...setArgs);
    pods = new ChartPods(loadState()); // what `up` rendered and played
    assert.match(out, /nba-nba-scraper-enqueue exited 0/);
    assert.match(out, new RegExp(`${SEASON}`));
    assert.deepEqual(pods.pods(), ['nba-nba-scraper-worker-0']);
    assert.deepEqual(pods.pods(pods.exporter), ['nba-nba-scraper-exporter-0']);
  });

  test('workers run as uid 1000 on a read-only root with the rendered settings, and pass their probes', async () => {
    const pod = 'nba-nba-scraper-worker-0';
    const ctr = pods.container(pod);
    await ready(pod);
    assert.equal(podmanRun(['healthcheck', 'run', ctr]).code, 0, 'podman runs the liveness probe: healthy');
    const closedPort = probeShellLine(httpGetProbeCommand(9, '/healthz', 1));
    assert.notEqual(
      pods.exec(pod, ['/bin/sh', '-c', closedPort]).code,
      0,
      'the same probe fails on a closed port',
    );
    assert.equal(pods.exec(pod, ['id', '-u']).stdout.trim(), '1000');
    assert.equal(inspect(ctr, '{{.HostConfig.ReadonlyRootfs}}'), 'true');
    const write = pods.exec(pod, ['node', '-e', "require('fs').writeFileSync('/app/x', '')"]);
    assert.notEqual(write.code, 0);
    assert.match(write.stderr, /EROFS|read-only/);
    assert.equal(
      pods.exec(pod, ['node', '-e', "require('fs').writeFileSync('/tmp/x', 'ok')"]).code,
      0,
      '/tmp is writable',
    );
    assert.equal(inspect(ctr, '{{.ImageName}}'), 'localhost/nba-scraper:test');
    assert.equal(inspect(ctr, '{{json .Config.Cmd}}'), '["worker"]');
    const env = new Map(
      (JSON.parse(inspect(ctr, '{{json .Config.Env}}')) as string[]).map((e) => [
        e.slice(0, e.indexOf('=')),
        e.slice(e.indexOf('=') + 1),
      ]),
    );
    assert.equal(env.get('HOST_RATE_LIMITS'), '', 'from the ConfigMap');
    assert.equal(env.get('SHUTDOWN_BUDGET_MS'), '10000', 'from the ConfigMap');
    assert.equal(env.get('QUEUE_PREFIX'), '{nba}', 'from the ConfigMap');
    assert.equal(env.get('WORKER_CONCURRENCY'), '2');
    assert.equal(env.get('REDIS_URL'), `redis://${HOST_FROM_PODS}:${redis.port}/0`, 'from the Secret');
    assert.equal(inspect(ctr, '{{.HostConfig.SecurityOpt}}').includes('no-new-privileges'), true);
    assert.deepEqual(
      JSON.parse(inspect(ctr, '{{json .HostConfig.CapDrop}}')).length > 10,
      true,
      'every capability dropped',
    );
    assert.ok(
      (JSON.parse(inspect(ctr, '{{json .Mounts}}')) as { Destination: string }[]).some(
        (m) => m.Destination === '/tmp',
      ),
      'the tmp emptyDir is mounted on /tmp',
    );
  });

  test('scaling the workers from 1 to 3 raises throughput', async (t) => {
    await until('one worker stores games', async () => (await storedGames()) >= 20, {
      timeoutMs: 180_000,
      intervalMs: 1000,
    });
    const one = await rate(20_000);
    await chartPods('scale', '3');
    assert.deepEqual(pods.pods(), [
      'nba-nba-scraper-worker-0',
      'nba-nba-scraper-worker-1',
      'nba-nba-scraper-worker-2',
    ]);
    await Promise.all(pods.pods().map((p) => ready(p)));
    const three = await rate(20_000);
    t.diagnostic(`games stored per second: 1 replica ${one.toFixed(1)}, 3 replicas ${three.toFixed(1)}`);
    assert.ok(one > 0, 'one replica stores games');
    assert.ok(
      three > 1.5 * one,
      `3 replicas (${three.toFixed(1)}/s) store faster than 1 (${one.toFixed(1)}/s)`,
    );
  });

  test('a SIGKILLed and a SIGTERMed worker pod mid-season lose nothing', async () => {
    assert.ok((await storedGames()) < played.length - 100, 'the season is still running');
    const killed = pods.container('nba-nba-scraper-worker-1');
    podman(['kill', '--signal', 'KILL', killed]);
    assert.equal(inspect(killed, '{{.State.ExitCode}}'), '137');
    podman(['pod', 'rm', '-f', 'nba-nba-scraper-worker-1']);
    const stopped = pods.container('nba-nba-scraper-worker-2');
    podman(['stop', '-t', '20', stopped], { timeoutMs: 60_000 });
    assert.equal(inspect(stopped, '{{.State.ExitCode}}'), '0', 'SIGTERM: a graceful exit');
    podman(['pod', 'rm', '-f', 'nba-nba-scraper-worker-2']);
    // The ReplicaSet's part: back to 3.
    await chartPods('scale', '3');
    assert.equal(pods.pods().length, 3);
    await until(`all ${played.length} games stored`, async () => (await storedGames()) === played.length, {
      timeoutMs: 600_000,
      intervalMs: 2000,
    });
  });

  test('`nba-scraper status` in a pod says the season is complete; the exporter shows the queue', async () => {
    await until(
      'status says the season is complete',
      () => /complete/.test(pods.exec('nba-nba-scraper-worker-0', ['nba-scraper', 'status']).stdout),
      { timeoutMs: 300_000, intervalMs: 2000 },
    );
    const status = await chartPods('exec', '--', 'nba-scraper', 'status', '--season', String(SEASON));
    assert.match(status, new RegExp(`box scores\\s+${played.length}/${played.length}`));
    const metrics = pods.exec('nba-nba-scraper-exporter-0', [
      'node',
      '-e',
      "fetch('http://127.0.0.1:9464/metrics').then(r=>r.text()).then(t=>process.stdout.write(t))",
    ]).stdout;
    assert.match(metrics, /^nba_scraper_queue_jobs\{[^}]*state="completed"/m);
  });

  test('every game is stored once', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const one = async (sql: string): Promise<number> => Number((await client.query(sql)).rows[0].n);
      assert.equal(
        await one(`select count(*) n from games where season = ${SEASON} and has_box_score`),
        played.length,
      );
      assert.equal(await one('select count(distinct game_id) n from team_lines'), played.length);
      assert.equal(
        await one('select count(*) n from team_lines'),
        2 * played.length,
        'no duplicate team lines',
      );
      const ids = (
        await client.query(`select game_id from games where season = ${SEASON} and has_box_score`)
      ).rows.map((r: { game_id: string }) => r.game_id);
      assert.deepEqual(ids.sort(), [...played].sort());
    } finally {
      await client.end();
    }
  });
});
