/**
 * The dashboards provision as they are in any Grafana (datasource as a variable, no install's
 * uids), lay out cleanly, document every panel, and every PromQL expression in them (variables
 * substituted) and in the variable queries parses (promtool) and reads only metrics our processes
 * export or recording rules define.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { exportedNames, RECORDED_NAMES } from '../../scripts/monitoring/inventory.ts';
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
  query: string | { query: string };
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
const GRAFANA_BUILTINS = { __rate_interval: '1m', __interval: '15s', __range: '1h' };
const DATASOURCE_UID = ['$', '{datasource}'].join('');

test('the four dashboards exist with unique uids and titles', () => {
  assert.deepEqual(dashboards.map(([f]) => f).sort(), [
    'queue.json',
    'scraping.json',
    'seasons.json',
    'workers.json',
  ]);
  assert.equal(new Set(dashboards.map(([, d]) => d.uid)).size, 4);
  assert.equal(new Set(dashboards.map(([, d]) => d.title)).size, 4);
});

for (const [file, d] of dashboards) {
  test(`${file}: provisionable as-is: datasource variable everywhere, no install-specific uid`, () => {
    const text = readFileSync(join(DIR, file), 'utf8');
    assert.ok(!('__inputs' in d) && !('__requires' in d), 'no import-only sections');
    assert.equal('id' in d && (d as { id?: unknown }).id !== null, false, 'no database id');
    const ds = d.templating.list.find((v) => v.name === 'datasource');
    assert.deepEqual([ds?.type, ds?.query], ['datasource', 'prometheus']);
    const uids = [...text.matchAll(/"uid":\s*"([^"]*)"/g)].map((m) => m[1]);
    for (const uid of uids)
      assert.ok([d.uid, DATASOURCE_UID, '-- Grafana --'].includes(uid as string), `uid ${uid}`);
    for (const p of d.panels.filter((x) => x.type !== 'row')) {
      assert.deepEqual(p.datasource, { type: 'prometheus', uid: DATASOURCE_UID }, p.title);
      for (const t of p.targets ?? []) assert.deepEqual(t.datasource, p.datasource, p.title);
    }
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

  test(`${file}: queries use only defined variables and exported metrics or recording rules`, async () => {
    const exported = await exportedNames();
    const defined = new Set([...d.templating.list.map((v) => v.name), ...Object.keys(GRAFANA_BUILTINS)]);
    const exprs = [
      ...d.panels.flatMap((p) => p.targets ?? []).map((t) => t.expr),
      ...d.templating.list
        .filter((v) => v.type === 'query')
        .map((v) => parseLabelValues(typeof v.query === 'string' ? v.query : v.query.query).selector),
    ];
    for (const expr of exprs) {
      for (const v of variablesIn(expr)) assert.ok(defined.has(v), `$${v} is defined (${expr})`);
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

test('every dashboard expression parses (promtool, variables substituted)', () => {
  const values: Record<string, string> = { ...GRAFANA_BUILTINS };
  const rules: string[] = [];
  for (const [, d] of dashboards) {
    for (const v of d.templating.list) values[v.name] ??= '.*';
    for (const p of d.panels) for (const t of p.targets ?? []) rules.push(substitute(t.expr, values));
    for (const v of d.templating.list.filter((x) => x.type === 'query'))
      rules.push(
        substitute(parseLabelValues(typeof v.query === 'string' ? v.query : v.query.query).selector, values),
      );
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
