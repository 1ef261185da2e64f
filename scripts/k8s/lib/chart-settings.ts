/**
 * Which of the app's settings (src/config.ts SETTINGS) the chart sets itself, and the JSON schema
 * of the rest (values.schema.json `config`), generated from SETTINGS so a new setting is
 * configurable through the chart as soon as the app reads it.
 */
import { SETTINGS } from '../../../src/config.ts';

/**
 * Settings the chart derives from other values: the credentials Secret (REDIS_URL, STORE_URL),
 * redis / externalRedis (topology), metrics.port (probes and Services follow it) and
 * worker.concurrency (the politeness arithmetic in NOTES.txt uses it). Keep in sync with the
 * `$managed` list in templates/_validate.tpl (a test compares them).
 */
export const CHART_MANAGED_ENV = [
  'REDIS_URL',
  'STORE_URL',
  'REDIS_MODE',
  'REDIS_SENTINELS',
  'REDIS_SENTINEL_MASTER',
  'REDIS_CLUSTER_NODES',
  'METRICS_HOST',
  'METRICS_PORT',
  'WORKER_CONCURRENCY',
] as const;

/** Every environment variable the app reads. */
export function appEnvNames(): string[] {
  return Object.values(SETTINGS).map((s) => s.env);
}

/** The JSON schema of values.config: one property per setting the operator may set. */
export function configSchemaProperties(): Record<string, { type: string[] | string; description: string }> {
  const managed = new Set<string>(CHART_MANAGED_ENV);
  const props: Record<string, { type: string[] | string; description: string }> = {};
  for (const s of Object.values(SETTINGS)) {
    if (managed.has(s.env)) continue;
    const shown = s.shownDefault ?? (typeof s.default === 'string' ? s.default : JSON.stringify(s.default));
    props[s.env] = {
      type: typeof s.default === 'number' ? ['integer', 'string'] : 'string',
      description: `${s.doc} App default: ${shown}.`,
    };
  }
  return props;
}
