/**
 * The Logs dashboard (nba-scraper / Logs), on Loki: lines with an error code by code, the jobs that
 * failed for good by season and game, and the host holds and breaker transitions by host. It reads
 * the stream labels of ../loki.ts and the keys our pino lines carry: `code` (the stable error code,
 * src/errors/codes.ts) on job outcomes and host holds, `outcome`, `jobId`, `attempt`, `season`,
 * `gameId` on job lines (src/queue/worker-service.ts), `host`, `hold`, `holdMs` and `breaker` on
 * host protection lines (src/fetch/host-protection.ts), `err.message` as `err_message`.
 */
import type { DashboardSpec, VariableSpec } from '../grafana.ts';
import { APP_MATCHER, COMPONENT, INSTANCE } from '../loki.ts';

/** Grafana's range for `count_over_time()` on Loki: one step of the graph. */
const AUTO = '$__auto';
/** The whole time range of the dashboard (tables). */
const RANGE = '$__range';

const NS = 'namespace=~"$namespace"';
/** Stream selector of the chosen namespaces, releases and components. */
const STREAM = `{${APP_MATCHER}, ${NS}, ${INSTANCE}=~"$release", ${COMPONENT}=~"$component"}`;

/** The lines whose top-level `code` is an error code (the line filter is a fast first cut). */
const CODED = `${STREAM} |= \`"code":"ERR_\` | json code, outcome, component | code=~"ERR_.+"`;
/** The lines of jobs that failed for good: the keys a table counts by, or every key. */
const FAILED_FILTER = `${STREAM} |= \`"outcome":"failed"\``;
const FAILED = `${FAILED_FILTER} | json season, gameId, jobId, code, outcome | outcome="failed"`;
const FAILED_LINES = `${FAILED_FILTER} | json | outcome="failed"`;
/** The lines that put a host on hold (a 429, a block). */
const HOLDS = `${STREAM} |= \`"hold":"\` | json host, hold | hold!=""`;
/** The lines of a breaker transition. */
const BREAKERS = `${STREAM} |= \`"breaker":"\` | json host, breaker | breaker!=""`;

const variable = (name: string, label: string, lokiLabel: string, stream: string): VariableSpec => ({
  name,
  label,
  query: `label_values({${stream}}, ${lokiLabel})`,
  multi: true,
});

export const LOGS_DASHBOARD: DashboardSpec = {
  uid: 'nba-scraper-logs',
  title: 'nba-scraper / Logs',
  description:
    'The JSON log lines in Loki: error codes, jobs that failed for good by season and game, host holds and breakers.',
  datasource: 'loki',
  variables: [
    variable('namespace', 'Namespace', 'namespace', APP_MATCHER),
    variable('release', 'Release', INSTANCE, `${APP_MATCHER}, ${NS}`),
    variable('component', 'Component', COMPONENT, `${APP_MATCHER}, ${NS}, ${INSTANCE}=~"$release"`),
  ],
  links: [
    {
      title: 'Scraping (metrics)',
      uid: 'nba-scraper-scraping',
      tooltip: 'The same requests, errors, 429s, blocks and breakers as metrics (Prometheus)',
    },
  ],
  rows: [
    {
      row: 'Errors by code',
      panels: [
        {
          type: 'timeseries',
          title: 'Log lines with an error code, by code',
          description:
            'Lines whose `code` is an error code (docs/errors.md): job attempts that failed (retried or for good) and host holds (429, block).',
          targets: [{ expr: `sum by (code) (count_over_time(${CODED} [${AUTO}]))`, legend: '{{code}}' }],
          stack: true,
          w: 16,
        },
        {
          type: 'table',
          title: 'Lines by code, outcome and component',
          description:
            'Over the time range: outcome retry / failed for job lines, none for a hold; component worker (jobs) or fetch (holds).',
          targets: [
            {
              expr: `sum by (code, outcome, component) (count_over_time(${CODED} [${RANGE}]))`,
              instant: true,
            },
          ],
          w: 8,
        },
      ],
    },
    {
      row: 'Failed jobs',
      panels: [
        {
          type: 'table',
          title: 'Jobs failed for good, by season and game',
          description:
            'Over the time range, one row per job that failed for good: its season, game (box scores), job id and error code. `nba-scraper retry-failed` runs them again.',
          targets: [
            {
              expr: `sum by (season, gameId, jobId, code) (count_over_time(${FAILED} [${RANGE}]))`,
              instant: true,
            },
          ],
          w: 10,
          h: 10,
        },
        {
          type: 'logs',
          title: 'Failed job lines',
          description:
            'The `job failed for good` lines: season, job id, attempt and the error message (its code first). Open a line for every key.',
          targets: [
            {
              expr: `${FAILED_LINES} | line_format \`{{.season}} {{.jobId}} attempt {{.attempt}}: {{.err_message}}\``,
            },
          ],
          w: 14,
          h: 10,
        },
      ],
    },
    {
      row: 'Blocks and holds',
      panels: [
        {
          type: 'timeseries',
          title: 'Holds by host',
          description:
            'A host put on hold for every worker: rate-limited (429, for its Retry-After) or blocked (403 or a block page, for BLOCK_BACKOFF_MS).',
          targets: [
            {
              expr: `sum by (host, hold) (count_over_time(${HOLDS} [${AUTO}]))`,
              legend: '{{hold}} {{host}}',
            },
          ],
          stack: true,
        },
        {
          type: 'timeseries',
          title: 'Breaker transitions by host',
          description:
            "Changes of the workers' circuit breakers (transport failures), by host and the state they went to.",
          targets: [
            {
              expr: `sum by (host, breaker) (count_over_time(${BREAKERS} [${AUTO}]))`,
              legend: '{{breaker}} {{host}}',
            },
          ],
          stack: true,
        },
        {
          type: 'logs',
          title: 'Hold and breaker lines',
          description: 'The lines behind the two graphs above, newest first.',
          targets: [{ expr: `${STREAM} |~ \`"(hold|breaker)":"\`` }],
          w: 24,
          h: 8,
        },
      ],
    },
    {
      row: 'Warnings and errors',
      panels: [
        {
          type: 'logs',
          title: 'Warnings and errors',
          description: 'Every line at level warn, error or fatal (the level stream label), newest first.',
          targets: [{ expr: `{${STREAM.slice(1, -1)}, level=~"warn|error|fatal"}` }],
          w: 24,
          h: 10,
        },
      ],
    },
  ],
};
