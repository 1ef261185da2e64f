/**
 * Builders for Grafana dashboards that Grafana provisions as they are: the datasource is a
 * dashboard variable (`${datasource}`, any Prometheus, or any Loki for a logs dashboard), never
 * the uid of one install; panels are laid out left to right in rows of 24 columns. Output is plain
 * dashboard JSON (schemaVersion 39).
 */
import { MONITORING } from './config.ts';
import { parseLabelValues } from './promql.ts';

/** The kinds of data source a dashboard reads: PromQL (metrics) or LogQL (logs). */
export type DatasourceType = 'prometheus' | 'loki';

/** A panel's or target's data source: the dashboard's `datasource` variable. */
export const datasource = (type: DatasourceType) =>
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Grafana's variable syntax, not a JS template.
  ({ type, uid: '${datasource}' }) as const;

export interface Target {
  /** PromQL, or LogQL on a Loki dashboard. */
  expr: string;
  legend?: string;
  /** Instant query (tables, bar gauges of current values). */
  instant?: boolean;
}

export interface PanelSpec {
  title: string;
  description: string;
  /** `logs`: the matching log lines themselves (Loki dashboards). */
  type: 'timeseries' | 'stat' | 'bargauge' | 'table' | 'logs';
  targets: Target[];
  unit?: string;
  /** Width in grid columns (of 24) and height in rows. */
  w?: number;
  h?: number;
  min?: number;
  max?: number;
  /** Absolute thresholds: [value, color] after the base (green). */
  thresholds?: [number, string][];
  /** Value -> text mappings (e.g. breaker states). */
  mappings?: Record<string, string>;
  stack?: boolean;
}

export interface RowSpec {
  row: string;
  panels: PanelSpec[];
}

export interface VariableSpec {
  name: string;
  label: string;
  /** `label_values(...)` query. */
  query: string;
  multi?: boolean;
  includeAll?: boolean;
}

/** A link in the dashboard's header to another dashboard, keeping the time range and namespace. */
export interface LinkSpec {
  title: string;
  /** The uid of the dashboard it opens. */
  uid: string;
  tooltip: string;
}

export interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  /** What the `datasource` variable chooses from, and every query's language (default prometheus). */
  datasource?: DatasourceType;
  variables: VariableSpec[];
  rows: RowSpec[];
  links?: LinkSpec[];
}

type Json = Record<string, unknown>;

function target(t: Target, i: number, type: DatasourceType): Json {
  const refId = String.fromCharCode(65 + i);
  if (type === 'loki')
    return {
      datasource: datasource(type),
      editorMode: 'code',
      expr: t.expr,
      queryType: t.instant ? 'instant' : 'range',
      legendFormat: t.legend ?? '',
      refId,
    };
  return {
    datasource: datasource(type),
    editorMode: 'code',
    expr: t.expr,
    instant: t.instant ?? false,
    range: !(t.instant ?? false),
    legendFormat: t.legend ?? '__auto',
    refId,
    ...(t.instant ? { format: 'table' } : {}),
  };
}

function fieldConfig(p: PanelSpec): Json {
  const defaults: Json = {
    unit: p.unit ?? 'short',
    thresholds: {
      mode: 'absolute',
      steps: [
        { color: 'green', value: null },
        ...(p.thresholds ?? []).map(([value, color]) => ({ color, value })),
      ],
    },
  };
  if (p.min !== undefined) defaults.min = p.min;
  if (p.max !== undefined) defaults.max = p.max;
  if (p.mappings) {
    defaults.mappings = [
      {
        type: 'value',
        options: Object.fromEntries(
          Object.entries(p.mappings).map(([value, text], index) => [value, { text, index }]),
        ),
      },
    ];
  }
  if (p.type === 'timeseries') {
    defaults.custom = {
      drawStyle: 'line',
      lineWidth: 1,
      fillOpacity: p.stack ? 30 : 10,
      showPoints: 'never',
      spanNulls: false,
      stacking: { mode: p.stack ? 'normal' : 'none', group: 'A' },
      thresholdsStyle: { mode: p.thresholds ? 'line' : 'off' },
    };
  }
  return { defaults, overrides: [] };
}

function options(p: PanelSpec): Json {
  switch (p.type) {
    case 'timeseries':
      return {
        legend: { displayMode: 'list', placement: 'bottom', showLegend: true },
        tooltip: { mode: 'multi', sort: 'desc' },
      };
    case 'stat':
      return {
        reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
        colorMode: 'value',
        graphMode: 'area',
        justifyMode: 'auto',
        textMode: 'auto',
      };
    case 'bargauge':
      return {
        reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
        displayMode: 'gradient',
        orientation: 'horizontal',
        showUnfilled: true,
      };
    case 'table':
      return { showHeader: true, cellHeight: 'sm' };
    case 'logs':
      return {
        showTime: true,
        showLabels: false,
        showCommonLabels: false,
        wrapLogMessage: true,
        prettifyLogMessage: false,
        enableLogDetails: true,
        dedupStrategy: 'none',
        sortOrder: 'Descending',
      };
  }
}

/**
 * How a table shows its queries' rows: Prometheus's instant queries come as tables already (merged
 * when there are several); Loki's come as one series per label set, turned into one row each.
 */
function transformations(p: PanelSpec, type: DatasourceType): Json[] {
  if (p.type !== 'table') return [];
  if (type === 'loki')
    return [
      { id: 'labelsToFields', options: { mode: 'columns' } },
      { id: 'merge', options: {} },
      { id: 'organize', options: { excludeByName: { Time: true } } },
    ];
  return p.targets.length > 1 ? [{ id: 'merge', options: {} }] : [];
}

/** A Loki `label_values(stream selector, label)` query in the form Grafana's Loki variable editor saves. */
function lokiVariableQuery(query: string): Json {
  const { selector, label } = parseLabelValues(query);
  return { type: 1, stream: selector, label, refId: 'LokiVariableQueryEditor-VariableQuery' };
}

function variable(v: VariableSpec, type: DatasourceType): Json {
  return {
    name: v.name,
    label: v.label,
    type: 'query',
    datasource: datasource(type),
    query:
      type === 'loki'
        ? lokiVariableQuery(v.query)
        : { query: v.query, refId: 'PrometheusVariableQueryEditor-VariableQuery' },
    definition: v.query,
    refresh: 2,
    sort: 1,
    multi: v.multi ?? false,
    includeAll: v.includeAll ?? true,
    allValue: '.*',
    current: {},
    options: [],
    hide: 0,
    regex: '',
  };
}

function link(l: LinkSpec): Json {
  return {
    title: l.title,
    type: 'link',
    // The variables of two dashboards on different data sources share only the namespace (Grafana
    // writes `${namespace:queryparam}` as `var-namespace=...`).
    url: `/d/${l.uid}?\${namespace:queryparam}`,
    tooltip: l.tooltip,
    icon: 'dashboard',
    asDropdown: false,
    includeVars: false,
    keepTime: true,
    targetBlank: false,
    tags: [],
  };
}

export function dashboard(spec: DashboardSpec): Json {
  const type = spec.datasource ?? 'prometheus';
  let id = 1;
  let y = 0;
  const panels: Json[] = [];
  for (const row of spec.rows) {
    panels.push({
      type: 'row',
      title: row.row,
      id: id++,
      collapsed: false,
      gridPos: { h: 1, w: 24, x: 0, y },
      panels: [],
    });
    y += 1;
    let x = 0;
    let rowHeight = 0;
    for (const p of row.panels) {
      const w = p.w ?? 12;
      const h = p.h ?? 8;
      if (x + w > 24) {
        x = 0;
        y += rowHeight;
        rowHeight = 0;
      }
      panels.push({
        type: p.type,
        title: p.title,
        description: p.description,
        id: id++,
        datasource: datasource(type),
        gridPos: { h, w, x, y },
        targets: p.targets.map((t, i) => target(t, i, type)),
        fieldConfig: fieldConfig(p),
        options: options(p),
        ...(transformations(p, type).length > 0 ? { transformations: transformations(p, type) } : {}),
      });
      x += w;
      rowHeight = Math.max(rowHeight, h);
    }
    y += rowHeight;
  }
  return {
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: [MONITORING.dashboardTag],
    timezone: 'browser',
    editable: true,
    graphTooltip: 1,
    schemaVersion: 39,
    version: 1,
    refresh: '30s',
    time: { from: 'now-3h', to: 'now' },
    fiscalYearStartMonth: 0,
    liveNow: false,
    weekStart: '',
    annotations: {
      list: [
        {
          builtIn: 1,
          datasource: { type: 'grafana', uid: '-- Grafana --' },
          enable: true,
          hide: true,
          iconColor: 'rgba(0, 211, 255, 1)',
          name: 'Annotations & Alerts',
          type: 'dashboard',
        },
      ],
    },
    links: [
      {
        title: 'nba-scraper dashboards',
        type: 'dashboards',
        tags: [MONITORING.dashboardTag],
        asDropdown: true,
        includeVars: true,
        keepTime: true,
        icon: 'external link',
        targetBlank: false,
        tooltip: '',
        url: '',
      },
      ...(spec.links ?? []).map(link),
    ],
    templating: {
      list: [
        {
          name: 'datasource',
          label: 'Data source',
          type: 'datasource',
          query: type,
          current: {},
          hide: 0,
          refresh: 1,
          regex: '',
          options: [],
          includeAll: false,
          multi: false,
        },
        ...spec.variables.map((v) => variable(v, type)),
      ],
    },
    panels,
  };
}
