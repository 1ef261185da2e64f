/**
 * The dashboards provision as they are in any Grafana (datasource as a variable, no install's
 * uids), lay out cleanly, document every panel, and every PromQL expression in them (variables
 * substituted) and in the variable queries parses (promtool) and reads only metrics our processes
 * export or recording rules define. A Loki dashboard (its `datasource` variable of type loki):
 * every LogQL query and variable stream selector parses with Grafana's LogQL grammar
 * (@grafana/lezer-logql) and selects our pods' streams.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { exportedNames, RECORDED_NAMES } from '../../scripts/monitoring/inventory.ts';
import { logqlErrors } from '../../scripts/monitoring/logql.ts';
import { APP_MATCHER } from '../../scripts/monitoring/loki.ts';
import { metricNames, parseLabelValues, substitute, variablesIn } from '../../scripts/monitoring/promql.ts';

interface Panel {
  id: number;
  type: string;
  title: string;
  description?: string;
  datasource?: { type: string; uid: string };
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: { expr: string; datasource: { type: string; uid: string }; refId: string }[];
  fieldConfig?: { defaults: { unit?: string } };
}
interface Variable {
  name: string;
  type: string;
  /** Prometheus: `{query}`; Loki: `{stream, label}`; a datasource variable: its type. */
  query: string | { query: string } | { stream: string; label: string };
  definition?: string;
  includeAll?: boolean;
  allValue?: string;
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: Variable[] };
}

const DIR = 'monitoring/grafana';
const dashboards: [string, Dashboard][] = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(join(DIR, f), 'utf8')) as Dashboard]);
const GRAFANA_BUILTINS = { __rate_interval: '1m', __interval: '15s', __range: '1h', __auto: '1m' };
const DATASOURCE_UID = ['$', '{datasource}'].join('');

/** The data source type a dashboard's `datasource` variable chooses from. */
const datasourceType = (d: Dashboard): string =>
  String(d.templating.list.find((v) => v.name === 'datasource')?.query);
const prometheusDashboards = dashboards.filter(([, d]) => datasourceType(d) === 'prometheus');
const lokiDashboards = dashboards.filter(([, d]) => datasourceType(d) === 'loki');

/** The selector (PromQL) or stream selector (LogQL) of a `label_values` variable. */
const variableSelector = (v: Variable): string =>
  parseLabelValues(
    typeof v.query === 'string' ? v.query : 'query' in v.query ? v.query.query : (v.definition ?? ''),
  ).selector;

test('the dashboards exist with unique uids and titles: four on Prometheus, one on Loki', () => {
  assert.deepEqual(prometheusDashboards.map(([f]) => f).sort(), [
    'queue.json',
    'scraping.json',
    'seasons.json',
    'workers.json',
  ]);
  assert.deepEqual(
    lokiDashboards.map(([f]) => f),
    ['logs.json'],
  );
  assert.equal(dashboards.length, 5, 'every dashboard is on Prometheus or Loki');
  assert.equal(new Set(dashboards.map(([, d]) => d.uid)).size, 5);
  assert.equal(new Set(dashboards.map(([, d]) => d.title)).size, 5);
});

for (const [file, d] of dashboards) {
  test(`${file}: provisionable as-is: datasource variable everywhere, no install-specific uid`, () => {
    const text = readFileSync(join(DIR, file), 'utf8');
    assert.ok(!('__inputs' in d) && !('__requires' in d), 'no import-only sections');
    assert.equal('id' in d && (d as { id?: unknown }).id !== null, false, 'no database id');
    const ds = d.templating.list.find((v) => v.name === 'datasource');
    const type = datasourceType(d);
    assert.ok(['prometheus', 'loki'].includes(type), `datasource variable of type ${type}`);
    assert.equal(ds?.type, 'datasource');
    const uids = [...text.matchAll(/"uid":\s*"([^"]*)"/g)].map((m) => m[1]);
    for (const uid of uids)
      assert.ok([d.uid, DATASOURCE_UID, '-- Grafana --'].includes(uid as string), `uid ${uid}`);
    for (const p of d.panels.filter((x) => x.type !== 'row')) {
      assert.deepEqual(p.datasource, { type, uid: DATASOURCE_UID }, p.title);
      for (const t of p.targets ?? []) assert.deepEqual(t.datasource, p.datasource, p.title);
    }
    for (const v of d.templating.list.filter((x) => x.type === 'query'))
      assert.deepEqual((v as { datasource?: unknown }).datasource, { type, uid: DATASOURCE_UID }, v.name);
  });

  test(`${file}: every panel documented, with a unit and a query; ids unique; grid without overlaps`, () => {
    const ids = new Set<number>();
    const cells = new Set<string>();
    for (const p of d.panels) {
      assert.ok(!ids.has(p.id), `panel id ${p.id} unique`);
      ids.add(p.id);
      const { x, y, w, h } = p.gridPos;
      assert.ok(x >= 0 && w > 0 && x + w <= 24, `${p.title} fits in 24 columns`);
      for (let i = x; i < x + w; i++)
        for (let j = y; j < y + h; j++) {
          assert.ok(!cells.has(`${i},${j}`), `${p.title} overlaps another panel`);
          cells.add(`${i},${j}`);
        }
      if (p.type === 'row') continue;
      assert.ok((p.description ?? '').length > 10, `${p.title} has a description`);
      assert.ok(p.fieldConfig?.defaults.unit, `${p.title} has a unit`);
      assert.ok((p.targets ?? []).length > 0, `${p.title} has a query`);
      assert.equal(new Set(p.targets?.map((t) => t.refId)).size, p.targets?.length, `${p.title} refIds`);
    }
  });

  test(`${file}: queries use only defined variables${datasourceType(d) === 'prometheus' ? ' and exported metrics or recording rules' : ''}`, async () => {
    const exported = await exportedNames();
    const defined = new Set([...d.templating.list.map((v) => v.name), ...Object.keys(GRAFANA_BUILTINS)]);
    const exprs = [
      ...d.panels.flatMap((p) => p.targets ?? []).map((t) => t.expr),
      ...d.templating.list.filter((v) => v.type === 'query').map(variableSelector),
    ];
    for (const expr of exprs) {
      for (const v of variablesIn(expr)) assert.ok(defined.has(v), `$${v} is defined (${expr})`);
      if (datasourceType(d) === 'loki') {
        assert.ok(expr.includes(`{${APP_MATCHER}`), `selects our pods' streams: ${expr}`);
        continue;
      }
      const names = metricNames(expr);
      assert.ok(names.length > 0, `reads a metric: ${expr}`);
      for (const n of names)
        assert.ok(exported.has(n) || RECORDED_NAMES.has(n), `${n} is exported (${expr})`);
    }
    for (const v of d.templating.list.filter((x) => x.type === 'query')) {
      assert.equal(v.includeAll, true, `${v.name} has All`);
      assert.equal(v.allValue, '.*', `${v.name} All matches series without the label too`);
    }
  });
}

test('every Prometheus dashboard expression parses (promtool, variables substituted)', () => {
  const values: Record<string, string> = { ...GRAFANA_BUILTINS };
  const rules: string[] = [];
  for (const [, d] of prometheusDashboards) {
    for (const v of d.templating.list) values[v.name] ??= '.*';
    for (const p of d.panels) for (const t of p.targets ?? []) rules.push(substitute(t.expr, values));
    for (const v of d.templating.list.filter((x) => x.type === 'query'))
      rules.push(substitute(variableSelector(v), values));
  }
  const dir = mkdtempSync(join(tmpdir(), 'nba-promql-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'exprs.yaml');
  // JSON is YAML: one recording rule per expression, so promtool parses each.
  writeFileSync(
    file,
    JSON.stringify({
      groups: [
        { name: 'dashboards', rules: rules.map((expr, i) => ({ record: `dashboard_expr_${i}`, expr })) },
      ],
    }),
  );
  const r = spawnSync('promtool', ['check', 'rules', file], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
  assert.match(r.stdout, new RegExp(`SUCCESS: ${rules.length} rules found`));
});

test('metricNames finds metric and rule names, not functions, keywords or labels', () => {
  assert.deepEqual(
    metricNames(
      'histogram_quantile(0.95, sum by (le, kind) (rate(a_bucket{x=~"$y", s="sum"}[5m]))) / ignoring (code) group_left () sum without (pod) (b:c:d offset 5m) > bool 0 unless on (namespace) count(up == 1)',
    ),
    ['a_bucket', 'b:c:d', 'up'],
  );
});

test('every Loki dashboard query and variable stream selector parses (Grafana LogQL grammar, variables substituted)', () => {
  let queries = 0;
  for (const [file, d] of lokiDashboards) {
    const values: Record<string, string> = { ...GRAFANA_BUILTINS };
    for (const v of d.templating.list) values[v.name] ??= '.*';
    const exprs = [
      ...d.panels.flatMap((p) => p.targets ?? []).map((t) => t.expr),
      ...d.templating.list.filter((v) => v.type === 'query').map(variableSelector),
    ];
    for (const expr of exprs) {
      const query = substitute(expr, values);
      assert.deepEqual(logqlErrors(query), [], `${file}: not LogQL: ${query}`);
      queries++;
    }
  }
  assert.ok(queries >= 10, `${queries} LogQL queries`);
});

test('logqlErrors finds where a query is not LogQL', () => {
  const good =
    'sum by (code) (count_over_time({app="x"} |= `"code":"ERR_` | json code | code=~"ERR_.+" [1m]))';
  assert.deepEqual(logqlErrors(good), []);
  for (const bad of [
    good.replace('[1m]', '[$__auto]'), // a Grafana variable left in
    good.replace('| json code |', '| json code'), // no pipe before the label filter
    good.replace('))', ')'), // unbalanced parentheses
    '{app="x"} | json | code=', // a label filter without a value
    'sum by code (count_over_time({app="x"}[1m]))', // grouping without parentheses
    '{app="x"} | line_format {{.msg}}', // a template that is not a string
  ])
    assert.ok(logqlErrors(bad).length > 0, `an error found in ${bad}`);
});
