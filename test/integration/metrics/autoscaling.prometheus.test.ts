/**
 * The autoscaling signal for real: two `nba-scraper exporter` processes, each with the environment
 * the chart gives its exporter, read real BullMQ backlogs from a real Redis — a budgeted site
 * (basketball-reference.com, 20 requests a minute, HOST_MAX_ACTIVE_JOBS 16, 4 jobs per worker)
 * with 70,000 jobs, and a host without a budget with 1,234. A real Prometheus on loopback scrapes
 * them as three namespaces (each exporter alone, and both as two hosts of one queue) and loads the
 * rules the chart renders for each namespace. Then the exact query of the chart's KEDA trigger, and
 * the adapter's query over the series the chart records, give the replica counts the issue asks
 * for, through the HPA algorithm (scripts/k8s/lib/hpa-math.ts):
 *   - the budgeted site: its 3 useful workers (the rate keeps at most 11 jobs busy), whatever its
 *     backlog and maxReplicas (50);
 *   - the host without a budget: ceil(1,234 / 100) = 13;
 *   - both at once: 16;
 *   - the budgeted site on hold: none asked for (the minimum: one worker while jobs wait);
 *   - the other host's backlog emptied: KEDA scales it to zero.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse, stringify } from 'yaml';
import {
  adapterQuery,
  containerEnv,
  scalingSignal,
  seriesOf,
} from '../../../scripts/k8s/lib/autoscaling-signal.ts';
import {
  type HpaSpec,
  type MetricReading,
  replicasForMetric,
  settle,
} from '../../../scripts/k8s/lib/hpa-math.ts';
import { kedaModel, type ScaledObjectSpec } from '../../../scripts/k8s/lib/keda-hpa.ts';
import { CHART_DIR, helmTemplate, type K8sObject } from '../../../scripts/k8s/lib/render.ts';
import { childEnv, loadConfig } from '../../../src/config.ts';
import { createHostStateStore } from '../../../src/fetch/host-state.ts';
import {
  EXPORTER_JOB,
  type LocalPrometheus,
  MONITORING_PROMETHEUS_DIR,
  startLocalPrometheus,
} from '../../../src/local/monitoring/local-prometheus.ts';
import { type ExporterProcess, startExporterProcess } from '../../../src/local/processes/exporter-process.ts';
import { type LocalRedis, startLocalRedis } from '../../../src/local/processes/local-redis.ts';
import { BOXSCORE_JOB, boxScoreJobId } from '../../../src/queue/job-types.ts';
import { openQueue, queueName } from '../../../src/queue/queues.ts';
import { createRedis, type RedisClient, standaloneTarget } from '../../../src/redis/connection.ts';
import { DEFAULT_SOURCE } from '../../../src/sources/registry.ts';
import { eventually, value } from './prometheus-api.ts';

const QUEUE = queueName(DEFAULT_SOURCE.id);
const BUDGETED_HOST = 'www.basketball-reference.com';
const UNBUDGETED_URL = 'http://replay.nba-scraper.svc:8080';
const BUDGETED_BACKLOG = 70_000;
const UNBUDGETED_BACKLOG = 1_234;

/** One namespace of the run: the chart rendered for it in both modes. */
interface Namespace {
  readonly name: string;
  readonly keda: K8sObject[];
  readonly hpa: K8sObject[];
}

const COMMON = {
  'autoscaling.maxReplicas': '50',
  'autoscaling.jobsPerReplica': '100',
  'config.HOST_MAX_ACTIVE_JOBS': '16',
  'worker.concurrency': '4',
  'assumeAPIVersions[0]': 'monitoring.coreos.com/v1',
  'assumeAPIVersions[1]': 'keda.sh/v1alpha1',
};

function render(name: string, set: Record<string, string>): Namespace {
  const one = (mode: Record<string, string>) =>
    helmTemplate({ release: name, namespace: name, set: { ...COMMON, ...set, ...mode } });
  return {
    name,
    keda: one({ 'autoscaling.mode': 'keda', 'autoscaling.minReplicas': '0' }),
    hpa: one({ 'autoscaling.mode': 'hpa' }),
  };
}

const byKind = (objects: readonly K8sObject[], kind: string): K8sObject[] =>
  objects.filter((o) => o.kind === kind);

let redis: LocalRedis;
let conn: RedisClient;
let prometheus: LocalPrometheus | undefined;
const exporters: ExporterProcess[] = [];
const dirs: string[] = [];

// Each exporter with its own key prefix in the one Redis (helm --set cannot give braces).
let budgeted: Namespace;
let unbudgeted: Namespace;
// Both hosts as one queue of one namespace: the two exporters scraped under a third namespace.
let both: Namespace;

before(async () => {
  budgeted = render('budgeted', { 'config.QUEUE_PREFIX': 'nba-budgeted' });
  unbudgeted = render('unbudgeted', {
    'config.QUEUE_PREFIX': 'nba-unbudgeted',
    'config.SOURCE_BASE_URL': UNBUDGETED_URL,
  });
  both = render('both', {});
  redis = await startLocalRedis();
  conn = createRedis(standaloneTarget(redis.url), 'worker');
});

after(async () => {
  await prometheus?.stop();
  await Promise.all(exporters.map((e) => e.stop()));
  await conn?.quit().catch(() => conn.disconnect());
  await redis?.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The i-th of a run of distinct game ids (YYYYMMDD0XXX): 676 teams a day from 1 January 2000. */
function gameIdOf(i: number): string {
  const day = new Date(Date.UTC(2000, 0, 1) + Math.floor(i / 676) * 86_400_000);
  const letter = (n: number): string => String.fromCharCode(65 + n);
  const team = `Z${letter(Math.floor(i / 26) % 26)}${letter(i % 26)}`;
  return `${day.toISOString().slice(0, 10).replaceAll('-', '')}0${team}`;
}

/** A backlog of real box score jobs, a third of them prioritized, in the queue of `ns`'s prefix. */
async function fillBacklog(ns: Namespace, jobs: number): Promise<void> {
  const config = loadConfig({ ...containerEnv(ns.hpa, 'exporter'), REDIS_URL: redis.url });
  const queue = openQueue(conn, config, DEFAULT_SOURCE.id);
  try {
    for (let from = 0; from < jobs; from += 5_000) {
      const batch = [];
      for (let i = from; i < Math.min(jobs, from + 5_000); i++) {
        const gameId = gameIdOf(i);
        batch.push({
          name: BOXSCORE_JOB,
          data: { season: 2018, gameId, path: DEFAULT_SOURCE.boxScorePath(gameId) },
          opts: { jobId: boxScoreJobId(gameId), ...(i % 3 === 0 ? { priority: 5 } : {}) },
        });
      }
      await queue.addBulk(batch);
    }
    const counts = await queue.getJobCounts('waiting', 'prioritized');
    assert.equal((counts.waiting ?? 0) + (counts.prioritized ?? 0), jobs);
  } finally {
    await queue.close();
  }
}

/** The chart's exporter of `ns`, its environment as rendered, on the test's Redis and a free port. */
async function startExporter(ns: Namespace): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), `nba-autoscaling-${ns.name}-`));
  dirs.push(dir);
  const env = childEnv({
    ...containerEnv(ns.hpa, 'exporter'),
    REDIS_URL: redis.url,
    METRICS_HOST: '127.0.0.1',
    METRICS_PORT: '0',
    EXPORTER_INTERVAL_MS: '500',
    EXPORTER_DATASET_INTERVAL_MS: '0',
  });
  const exporter = startExporterProcess(env, join(dir, 'exporter.log'));
  exporters.push(exporter);
  return exporter.port();
}

/** The KEDA trigger queries of a namespace, and the adapter's query over the recorded series. */
function queries(ns: Namespace): { serviceable: string; pending: string; adapter: string } {
  const [so] = byKind(ns.keda, 'ScaledObject');
  const [serviceable, pending] = so!.spec.triggers;
  const adapter = parse(readFileSync(join(CHART_DIR, 'files', 'prometheus-adapter-values.yaml'), 'utf8'))
    .rules.external[0];
  return {
    serviceable: serviceable.metadata.query,
    pending: pending.metadata.query,
    adapter: adapterQuery(adapter.metricsQuery, seriesOf(adapter.seriesQuery), {
      namespace: ns.name,
      queue: QUEUE,
    }),
  };
}

interface Observed {
  readonly keda: number;
  readonly pending: number;
  readonly adapter: number;
}

async function observe(prom: string, ns: Namespace): Promise<Observed> {
  const q = queries(ns);
  return {
    keda: await value(prom, q.serviceable),
    pending: await value(prom, q.pending),
    adapter: await value(prom, q.adapter),
  };
}

/**
 * Replicas each mode asks for on what Prometheus answered: the HPA's desired count for its metrics
 * (the largest proposal, within min..max; from one replica and from fifty alike), and the count it
 * then keeps; KEDA scales an inactive Deployment with minReplicaCount 0 to zero.
 */
function replicas(ns: Namespace, o: Observed): { keda: number; hpa: number } {
  const model = kedaModel(byKind(ns.keda, 'ScaledObject')[0]!.spec as ScaledObjectSpec);
  const values = { serviceable: o.keda, pending: o.pending };
  const hpaSpec = byKind(ns.hpa, 'HorizontalPodAutoscaler')[0]!.spec as HpaSpec;
  const desired = (spec: HpaSpec, readings: MetricReading[]): number => {
    const asked = [1, spec.maxReplicas].map((current) =>
      Math.max(...spec.metrics.map((m, i) => replicasForMetric(m, readings[i]!, current))),
    );
    assert.equal(asked[0], asked[1], 'the same count whatever the current one');
    const want = Math.min(spec.maxReplicas, Math.max(spec.minReplicas ?? 1, asked[0]!));
    assert.equal(settle(spec, want, () => readings).replicas, want, 'and it stays there');
    return want;
  };
  return {
    keda:
      model.minReplicaCount === 0 && !model.active(values) ? 0 : desired(model.hpa, model.readings(values)),
    hpa: desired(hpaSpec, [{ total: o.adapter }]),
  };
}

async function expectState(
  prom: string,
  ns: Namespace,
  want: { signal: number; pending: number; keda: number; hpa: number },
  what: string,
): Promise<void> {
  const o = await eventually(
    `${ns.name}: ${what}`,
    () => observe(prom, ns),
    (x) => x.keda === want.signal && x.adapter === want.signal && x.pending === want.pending,
    60_000,
  );
  assert.deepEqual(replicas(ns, o), { keda: want.keda, hpa: want.hpa }, `${ns.name}: ${what}`);
}

test('the chart query on a real Prometheus gives the useful replica counts', {
  timeout: 240_000,
}, async () => {
  // The chart gives workers and exporter one environment; these are its values.
  const settings = loadConfig(containerEnv(budgeted.hpa, 'exporter'));
  assert.deepEqual(
    [settings.hostMaxActiveJobs, settings.workerConcurrency, settings.hostRateLimits[0]?.requestsPerMinute],
    [16, 4, 20],
  );

  await fillBacklog(budgeted, BUDGETED_BACKLOG);
  await fillBacklog(unbudgeted, UNBUDGETED_BACKLOG);
  const [budgetedPort, unbudgetedPort] = await Promise.all([
    startExporter(budgeted),
    startExporter(unbudgeted),
  ]);

  // Prometheus with the rules the chart renders: the monitoring groups once, and each
  // namespace's autoscaling recording rule.
  const configDir = mkdtempSync(join(tmpdir(), 'nba-autoscaling-prometheus-'));
  dirs.push(configDir);
  copyFileSync(join(MONITORING_PROMETHEUS_DIR, 'prometheus.yml'), join(configDir, 'prometheus.yml'));
  const monitoring = byKind(budgeted.hpa, 'PrometheusRule').find(
    (r) => r.metadata.name === 'budgeted-nba-scraper',
  );
  const autoscalingRules = [budgeted, unbudgeted, both].flatMap((ns) =>
    byKind(ns.hpa, 'PrometheusRule').filter((r) => r.metadata.name.endsWith('-autoscaling')),
  );
  assert.equal(autoscalingRules.length, 3);
  const groups = [...(monitoring?.spec.groups ?? []), ...autoscalingRules.flatMap((r) => r.spec.groups)];
  assert.ok(groups.length > 3, 'the monitoring rules are loaded too');
  writeFileSync(join(configDir, 'recording-rules.yaml'), stringify({ groups }));
  writeFileSync(join(configDir, 'alerts.yaml'), stringify({ groups: [] }));
  prometheus = await startLocalPrometheus({ configDir, intervalMs: 1_000 });
  const target = (port: number, namespace: string, pod: string) => ({
    address: `127.0.0.1:${port}`,
    labels: { namespace, pod },
  });
  prometheus.setTargets(EXPORTER_JOB, [
    target(budgetedPort, 'budgeted', 'exporter'),
    target(unbudgetedPort, 'unbudgeted', 'exporter'),
    target(budgetedPort, 'both', 'exporter-budgeted'),
    target(unbudgetedPort, 'both', 'exporter-unbudgeted'),
  ]);
  const prom = prometheus.url;

  // What the exporters publish: the whole backlogs are serviceable; 3 useful workers for the
  // budgeted site (11 busy jobs at most at 20 a minute), ceil(1,234 / 4) for the other host.
  const gauge = (name: string, ns: string, host: string) =>
    value(prom, `max(${name}{namespace="${ns}",queue="${QUEUE}",host="${host}"})`);
  const unbudgetedHost = new URL(UNBUDGETED_URL).host;
  await eventually(
    'the exporters scraped',
    async () => [
      await gauge('nba_scraper_queue_serviceable_backlog', 'budgeted', BUDGETED_HOST),
      await gauge('nba_scraper_queue_useful_workers', 'budgeted', BUDGETED_HOST),
      await gauge('nba_scraper_queue_serviceable_backlog', 'unbudgeted', unbudgetedHost),
      await gauge('nba_scraper_queue_useful_workers', 'unbudgeted', unbudgetedHost),
    ],
    (v) => JSON.stringify(v) === JSON.stringify([BUDGETED_BACKLOG, 3, UNBUDGETED_BACKLOG, 309]),
    60_000,
  );
  // The model the HPA simulation uses gives what Prometheus gives.
  assert.equal(
    scalingSignal(
      [
        { host: BUDGETED_HOST, serviceableBacklog: BUDGETED_BACKLOG, usefulWorkers: 3 },
        { host: unbudgetedHost, serviceableBacklog: UNBUDGETED_BACKLOG, usefulWorkers: 309 },
      ],
      100,
    ),
    1_534,
  );

  await expectState(
    prom,
    budgeted,
    { signal: 300, pending: 1, keda: 3, hpa: 3 },
    '70,000 jobs: 3 useful workers',
  );
  await expectState(prom, unbudgeted, { signal: 1_234, pending: 1, keda: 13, hpa: 13 }, 'ceil(1,234 / 100)');
  await expectState(prom, both, { signal: 1_534, pending: 1, keda: 16, hpa: 16 }, 'two hosts: 3 + 13');

  // The site blocks us: it is on hold for an hour, for every worker.
  const hosts = createHostStateStore(conn, 'nba-budgeted');
  await hosts.hold(BUDGETED_HOST, 3_600_000, 'blocked', 'test: a block page');
  await expectState(prom, budgeted, { signal: 0, pending: 1, keda: 1, hpa: 1 }, 'on hold: none asked for');
  await expectState(prom, both, { signal: 1_234, pending: 1, keda: 13, hpa: 13 }, 'one host on hold');

  // The other host's backlog is done: KEDA scales its Deployment to zero; the HPA keeps its minimum.
  const config = loadConfig({ ...containerEnv(unbudgeted.hpa, 'exporter'), REDIS_URL: redis.url });
  const queue = openQueue(conn, config, DEFAULT_SOURCE.id);
  await queue.drain().finally(() => queue.close());
  await expectState(prom, unbudgeted, { signal: 0, pending: 0, keda: 0, hpa: 1 }, 'empty backlog');
  await expectState(prom, both, { signal: 0, pending: 1, keda: 1, hpa: 1 }, 'only jobs on hold left');

  // The hold ends: the budgeted site asks for its useful workers again.
  await conn.hdel('nba-budgeted:hosts', `${BUDGETED_HOST}|hold`);
  await expectState(prom, budgeted, { signal: 300, pending: 1, keda: 3, hpa: 3 }, 'hold over');
});
