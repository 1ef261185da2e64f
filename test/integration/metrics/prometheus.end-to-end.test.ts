/**
 * The monitoring against a real Prometheus (Debian's package) scraping a real run: two worker
 * processes and the exporter scrape a generated season (played up to mid-November, so about 200
 * box scores) from the replay site, with faults injected on the way (5xx, a burst that opens the
 * breakers, 429s from the site's rate limit, pages whose layout changed). Prometheus runs with the
 * configuration and rule files of monitoring/prometheus/, scraping every second, its targets the
 * ports the processes logged. Afterwards:
 *
 * - every panel query of every dashboard, its variables resolved the way Grafana resolves them
 *   (label_values over the API), returns at least one series;
 * - every recording rule returns a series and every rule evaluates without error;
 * - every metric name the dashboards use is one the processes actually serve;
 * - the numbers are the run's: requests as the site counted them, jobs and games as the queue and
 *   the store have them, season progress as `status` reads it, and what the store holds of the
 *   season (the exporter reads it too) as its completeness ledger says.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { RECORDED_NAMES } from '../../../scripts/monitoring/inventory.ts';
import { metricNames, parseLabelValues, substitute } from '../../../scripts/monitoring/promql.ts';
import { childEnv } from '../../../src/config.ts';
import { seasonLedger } from '../../../src/dataset/ledger.ts';
import { startLocalMonitoring } from '../../../src/local/monitoring/local-monitoring.ts';
import type { FaultConfig } from '../../../src/local/replay/faults.ts';
import { ALL_METRICS } from '../../../src/metrics/catalog.ts';
import { readStatus } from '../../../src/queue/status.ts';
import { openStore } from '../../../src/store/open-store.ts';
import { startSystem } from '../../helpers/system.ts';
import { eventually, query, rules, series, value } from './prometheus-api.ts';

const SEASON = 2018;
const BASE_FAULTS: FaultConfig = { seed: 7, serverErrors: { rate: 0.03 }, layoutChange: { rate: 0.02 } };

interface Dashboard {
  title: string;
  panels: { type: string; title: string; targets?: { expr: string }[] }[];
  templating: {
    list: {
      name: string;
      type: string;
      query: string | { query: string };
      includeAll?: boolean;
      allValue?: string;
    }[];
  };
}

function familiesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const line of text.split('\n')) {
    const help = /^# HELP (\S+)/.exec(line);
    if (help) names.add(help[1] as string);
    else if (line !== '' && !line.startsWith('#')) names.add(line.split(/[{ ]/)[0] as string);
  }
  return names;
}

test('dashboards and rules return data from a Prometheus that scraped a real run', {
  timeout: 600_000,
}, async () => {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'nba-prom-e2e-'));
  const sys = await startSystem({
    seasons: [SEASON],
    storeUrl: `file://${dir}`,
    workers: 2,
    asOf: '2017-11-15',
    faults: BASE_FAULTS,
    env: {
      BREAKER_MIN_REQUESTS: '5',
      BREAKER_WINDOW_MS: '2000',
      BREAKER_RESET_MS: '1000',
      BLOCK_BACKOFF_MS: '1500',
      EXPORTER_INTERVAL_MS: '500',
      // The exporter reads the run's store (STORE_URL above) for the dataset metrics.
      EXPORTER_DATASET_INTERVAL_MS: '500',
    },
  });
  let monitoring: Awaited<ReturnType<typeof startLocalMonitoring>> | undefined;
  after(async () => {
    await monitoring?.stop();
    await sys.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  monitoring = await startLocalMonitoring({
    pool: sys.pool,
    env: childEnv(sys.env),
    logDir: sys.logDir,
    intervalMs: 1000,
    namespace: 'e2e',
  });
  const prom = monitoring.prometheus.url;
  await eventually(
    '3 targets up',
    () => value(prom, 'count(up == 1)'),
    (n) => n === 3,
    60_000,
  );

  // The run, with fault phases: a burst of 5xx (breakers open), then the site's rate limit (429s).
  await sys.enqueue();
  const progress = async (): Promise<number> => {
    const [s] = (await readStatus(sys.queue, { seasons: [SEASON] })).seasons;
    return s && s.boxScores > 0 ? s.boxScoresDone / s.boxScores : 0;
  };
  // Each fault phase lasts until its effect shows in Prometheus (bounded), so a slow machine
  // gets the same faults as a fast one.
  await eventually('a fifth of the box scores', progress, (p) => p >= 0.2, 180_000);
  sys.site.setFaults({ ...BASE_FAULTS, serverErrors: { rate: 0.9 } });
  await eventually(
    'a breaker opened',
    () => value(prom, 'sum(nba_scraper_breaker_transitions_total{state="open"})'),
    (n) => n > 0,
    60_000,
  ).finally(() => sys.site.setFaults(BASE_FAULTS));
  await eventually('half of the box scores', progress, (p) => p >= 0.5, 180_000);
  sys.site.setFaults({ ...BASE_FAULTS, rateLimit: { maxPerMinute: 2, windowMs: 1_000, blockAfter: 1_000 } });
  await eventually(
    'a 429 answered',
    () => value(prom, 'sum(nba_scraper_rate_limited_total)'),
    (n) => n > 0,
    60_000,
  ).finally(() => sys.site.setFaults(BASE_FAULTS));
  const [status] = await sys.waitForSeasons([SEASON], 300_000);
  assert.equal(status?.state, 'completed', JSON.stringify(status));
  const runSeconds = Math.round((Date.now() - started) / 1000);

  // Prometheus has scraped the final values of every process.
  const completedBox = (status?.boxScores ?? 0) - (status?.boxScoresFailed ?? 0);
  const selector = `namespace="e2e"`;
  await eventually(
    'final values scraped',
    async () => [
      await value(prom, `sum(nba_scraper_jobs_completed_total{${selector}, kind="boxscore"})`),
      await value(prom, `max(nba_scraper_season_boxscores_done{${selector}, season="${SEASON}"})`),
      await value(prom, `sum(nba_scraper_jobs_completed_total{${selector}, kind="season"})`),
      await value(prom, `max(nba_scraper_dataset_boxscores_stored{${selector}, season="${SEASON}"})`),
    ],
    ([box, done, seasons, stored]) =>
      box === completedBox && done === status?.boxScores && seasons === 1 && stored === completedBox,
    60_000,
  );
  // A rule evaluation on the final values.
  await eventually(
    'the recording rules on the final values',
    () =>
      value(prom, `max(season:nba_scraper_dataset_boxscores_missing:max{${selector}, season="${SEASON}"})`),
    (n) => n === status?.boxScoresFailed,
    60_000,
  );

  // The numbers are the run's.
  const site = sys.site.stats({ log: false });
  assert.equal(
    await value(prom, `sum(nba_scraper_http_requests_total{${selector}})`),
    site.total,
    'requests as the site counted them',
  );
  assert.equal(await value(prom, `sum(nba_scraper_games_stored_total{${selector}})`), completedBox);
  assert.equal(
    await value(prom, `sum(nba_scraper_jobs_failed_total{${selector}, kind="boxscore"})`),
    status?.boxScoresFailed,
  );
  const broken = sys.site.permanentFaults(SEASON).length;
  assert.ok(broken > 0, 'some layouts changed');
  assert.equal(
    await value(prom, `sum(nba_scraper_jobs_failed_total{${selector}, code="ERR_PARSE"})`),
    broken,
  );
  assert.equal(
    await value(prom, `max(nba_scraper_season_boxscores_expected{${selector}})`),
    status?.boxScores,
  );
  assert.equal(await value(prom, `max(nba_scraper_season_games{${selector}})`), status?.games);
  assert.equal(await value(prom, `count(nba_scraper_build_info{${selector}, role="worker"})`), 2);
  assert.ok(
    (await value(prom, `sum(nba_scraper_http_requests_total{${selector}, status_class="5xx"})`)) > 0,
    '5xx seen',
  );
  assert.ok((await value(prom, `sum(nba_scraper_rate_limited_total{${selector}})`)) > 0, '429s seen');
  assert.ok(
    (await value(prom, `sum(nba_scraper_breaker_transitions_total{${selector}, state="open"})`)) > 0,
    'a breaker opened',
  );
  assert.ok((await value(prom, `sum(nba_scraper_jobs_retried_total{${selector}})`)) > 0, 'attempts retried');

  // What the store holds of the season, as the exporter read it: its completeness ledger.
  const store = await openStore(`file://${dir}`);
  const ledger = await seasonLedger(store, SEASON).finally(() => store.close());
  const dataset = async (metric: string): Promise<number> =>
    value(prom, `max(${metric}{${selector}, season="${SEASON}"})`);
  assert.equal(await dataset('nba_scraper_dataset_games'), ledger.games);
  assert.equal(await dataset('nba_scraper_dataset_boxscores_expected'), ledger.played);
  assert.equal(await dataset('nba_scraper_dataset_boxscores_stored'), ledger.boxScoresStored);
  assert.equal(await dataset('nba_scraper_dataset_player_totals_rows'), ledger.totalsRows);
  assert.equal(await dataset('nba_scraper_dataset_complete'), ledger.complete ? 1 : 0);
  assert.equal(ledger.played, status?.boxScores, 'every played game had its box score job');
  assert.equal(
    await dataset('season:nba_scraper_dataset_boxscores_missing:max'),
    status?.boxScoresFailed,
    'missing: the box scores that failed for good',
  );
  assert.equal(await value(prom, `sum(nba_scraper_exporter_dataset_read_errors_total{${selector}})`), 0);

  // Every panel of every dashboard returns data, variables resolved like Grafana does.
  const empty: string[] = [];
  let queries = 0;
  // The Prometheus dashboards (the Logs dashboard is on Loki: its queries are LogQL).
  const files = readdirSync('monitoring/grafana')
    .filter((f) => f.endsWith('.json'))
    .filter((f) => {
      const d = JSON.parse(readFileSync(join('monitoring/grafana', f), 'utf8')) as Dashboard;
      return d.templating.list.some((v) => v.name === 'datasource' && v.query === 'prometheus');
    });
  assert.equal(files.length, 4, 'four dashboards on Prometheus');
  for (const file of files) {
    const d = JSON.parse(readFileSync(join('monitoring/grafana', file), 'utf8')) as Dashboard;
    const values: Record<string, string> = { __rate_interval: '1m', __interval: '15s', __range: '1h' };
    for (const v of d.templating.list) {
      if (v.type !== 'query') continue;
      const { selector: sel, label } = parseLabelValues(
        typeof v.query === 'string' ? v.query : v.query.query,
      );
      const found = [
        ...new Set((await series(prom, substitute(sel, values))).map((s) => s[label]).filter(Boolean)),
      ];
      assert.ok(found.length > 0, `${file}: variable $${v.name} has values (${sel})`);
      values[v.name] = v.includeAll ? (v.allValue ?? '.*') : (found[0] as string);
    }
    for (const p of d.panels) {
      for (const t of p.targets ?? []) {
        queries++;
        const expr = substitute(t.expr, values);
        if ((await query(prom, expr)).length === 0) empty.push(`${file} "${p.title}": ${expr}`);
      }
    }
  }
  assert.deepEqual(empty, [], 'panel queries without data');
  assert.ok(queries > 60, `${queries} panel queries`);

  // Every recording rule has data; every rule evaluates cleanly.
  for (const record of RECORDED_NAMES)
    assert.ok((await query(prom, record)).length > 0, `recording rule ${record} has data`);
  const loaded = await rules(prom);
  assert.equal(loaded.filter((r) => r.type === 'recording').length, 20);
  assert.ok(loaded.filter((r) => r.type === 'alerting').length >= 20);
  for (const r of loaded) assert.equal(r.health, 'ok', `${r.name}: ${r.lastError}`);

  // Every metric the dashboards read is served by a worker or the exporter (or recorded from them).
  const served = new Set<string>();
  const ports = [monitoring.exporterPort, ...monitoring.workerPorts().values()];
  const texts = await Promise.all(
    ports.map(async (p) => (await fetch(`http://127.0.0.1:${p}/metrics`)).text()),
  );
  for (const text of texts) for (const n of familiesIn(text)) served.add(n);
  for (const text of texts)
    for (const line of text.split('\n')) if (/^[a-z]/.test(line)) served.add(line.split(/[{ ]/)[0] as string);
  for (const file of files) {
    const text = readFileSync(join('monitoring/grafana', file), 'utf8');
    const d = JSON.parse(text) as Dashboard;
    for (const t of d.panels.flatMap((p) => p.targets ?? []))
      for (const n of metricNames(t.expr))
        assert.ok(served.has(n) || RECORDED_NAMES.has(n), `${file}: ${n} is served`);
  }
  // And the catalog is what the processes serve (docs/metrics.md is generated from it).
  const [exporterText, ...workerTexts] = texts;
  const exporterNames = familiesIn(exporterText as string);
  const workerNames = familiesIn(workerTexts.join('\n'));
  for (const m of ALL_METRICS) {
    if (m.role !== 'worker') assert.ok(exporterNames.has(m.name), `exporter serves ${m.name}`);
    if (m.role !== 'exporter') assert.ok(workerNames.has(m.name), `worker serves ${m.name}`);
  }
  console.log(
    `e2e: ${status?.boxScores} box scores (${broken} broken layouts) in ${runSeconds} s; ${queries} panel queries; ${site.total} requests; total ${Math.round((Date.now() - started) / 1000)} s`,
  );
});
