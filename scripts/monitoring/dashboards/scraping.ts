/**
 * The Scraping dashboard (nba-scraper / Scraping): requests to the source site, errors, latency,
 * politeness waits, 429s, blocks and breakers.
 */
import type { DashboardSpec } from '../grafana.ts';
import { labelVariable, NAMESPACE, NS, percentiles, RI, selector } from './shared.ts';

const h = selector('host');
export const SCRAPING_DASHBOARD: DashboardSpec = {
  uid: 'nba-scraper-scraping',
  title: 'nba-scraper / Scraping',
  description:
    'Requests to the source site: pages, errors, latency, politeness waits, 429s, blocks and breakers.',
  variables: [NAMESPACE, labelVariable('host', 'Host', 'nba_scraper_http_requests_total')],
  links: [
    {
      title: 'Logs (Loki)',
      uid: 'nba-scraper-logs',
      tooltip:
        'The log lines behind these numbers: error codes, failed jobs by season and game, holds by host',
    },
  ],
  rows: [
    {
      row: 'Now',
      panels: [
        {
          type: 'stat',
          title: 'Pages per minute',
          description: 'Pages fetched (2xx answers) per minute by all workers.',
          targets: [
            { expr: `sum(rate(nba_scraper_http_requests_total{${h}, status_class="2xx"}[${RI}])) * 60` },
          ],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: 'Error ratio (5 m)',
          description:
            'Share of requests that failed over 5 minutes; alerts at 5 % (warning) and 10 % (critical).',
          targets: [{ expr: `max(host:nba_scraper_http_requests_errors:ratio_rate5m{${h}})` }],
          unit: 'percentunit',
          thresholds: [
            [0.05, 'orange'],
            [0.1, 'red'],
          ],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: 'Breaker (worst worker)',
          description: 'The most open circuit breaker of any worker for the host.',
          targets: [{ expr: `max(nba_scraper_breaker_state{${h}})` }],
          mappings: { '0': 'closed', '1': 'half-open', '2': 'open' },
          thresholds: [
            [1, 'orange'],
            [2, 'red'],
          ],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: 'Host hold left',
          description:
            'Time left during which no worker sends a request to the host: after a 429 (its Retry-After) or a block (BLOCK_BACKOFF_MS).',
          targets: [{ expr: `max(nba_scraper_host_hold_remaining_seconds{${h}})` }],
          unit: 's',
          thresholds: [[1, 'red']],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: '429s (1 h)',
          description:
            'Answers 429 (or 503 with Retry-After) in the last hour. Should be 0: the budget is shared.',
          targets: [{ expr: `sum(increase(nba_scraper_rate_limited_total{${h}}[1h]))` }],
          thresholds: [[1, 'orange']],
          w: 4,
          h: 5,
        },
        {
          type: 'stat',
          title: 'Blocks (1 h)',
          description: 'Times the host refused us (403 or a block page) in the last hour.',
          targets: [{ expr: `sum(increase(nba_scraper_blocked_total{${h}}[1h]))` }],
          thresholds: [[1, 'red']],
          w: 4,
          h: 5,
        },
      ],
    },
    {
      row: 'Requests and errors',
      panels: [
        {
          type: 'timeseries',
          title: 'Requests per minute by status class',
          description: 'Requests by status class; error: no HTTP answer (reset, timeout).',
          targets: [
            {
              expr: `sum by (status_class) (rate(nba_scraper_http_requests_total{${h}}[${RI}])) * 60`,
              legend: '{{status_class}}',
            },
          ],
          stack: true,
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Error ratio by code',
          description: 'Share of requests that failed, by error code (docs/errors.md).',
          unit: 'percentunit',
          targets: [
            {
              expr: `sum by (code) (rate(nba_scraper_fetch_errors_total{${h}}[${RI}])) / ignoring (code) group_left () sum(rate(nba_scraper_http_requests_total{${h}}[${RI}]))`,
              legend: '{{code}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Error ratio (5 m) and alert thresholds',
          description: 'What the error-rate alerts look at: failed share of requests over 5 minutes.',
          unit: 'percentunit',
          thresholds: [
            [0.05, 'orange'],
            [0.1, 'red'],
          ],
          targets: [{ expr: `host:nba_scraper_http_requests_errors:ratio_rate5m{${h}}`, legend: '{{host}}' }],
          w: 8,
        },
      ],
    },
    {
      row: 'Latency and size',
      panels: [
        {
          type: 'timeseries',
          title: 'Fetch duration',
          description:
            'Percentiles of the time of one request (connect to last byte), politeness wait excluded.',
          unit: 's',
          targets: percentiles([0.5, 0.95, 0.99], `nba_scraper_fetch_duration_seconds_bucket{${h}}`),
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Politeness wait',
          description: "Time requests waited for the host's shared budget before being sent.",
          unit: 's',
          targets: [
            ...percentiles([0.5, 0.95], `nba_scraper_politeness_wait_seconds_bucket{${h}}`),
            {
              expr: `sum(rate(nba_scraper_politeness_wait_seconds_sum{${h}}[${RI}])) / sum(rate(nba_scraper_politeness_wait_seconds_count{${h}}[${RI}]))`,
              legend: 'mean',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Response size',
          description: 'Percentiles of the body size of 2xx answers.',
          unit: 'bytes',
          targets: percentiles([0.5, 0.95], `nba_scraper_response_size_bytes_bucket{${h}}`),
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Parse duration p95 by page kind',
          description: 'Parsing is synchronous: it blocks the event loop for this long.',
          unit: 's',
          targets: [
            {
              expr: `histogram_quantile(0.95, sum by (le, kind) (rate(nba_scraper_parse_duration_seconds_bucket{${NS}}[${RI}])))`,
              legend: '{{kind}}',
            },
          ],
        },
        {
          type: 'timeseries',
          title: 'Store call duration p95 by operation',
          description: 'Time of calls to the result store (PostgreSQL or files).',
          unit: 's',
          targets: [
            {
              expr: `histogram_quantile(0.95, sum by (le, operation) (rate(nba_scraper_store_operation_duration_seconds_bucket{${NS}}[${RI}])))`,
              legend: '{{operation}}',
            },
          ],
        },
      ],
    },
    {
      row: 'Protection',
      panels: [
        {
          type: 'timeseries',
          title: '429s and blocks',
          description:
            '429 answers (queue paused for Retry-After) and blocks (403 or block page: host on hold).',
          targets: [
            {
              expr: `sum by (host) (increase(nba_scraper_rate_limited_total{${h}}[${RI}]))`,
              legend: '429 {{host}}',
            },
            {
              expr: `sum by (host) (increase(nba_scraper_blocked_total{${h}}[${RI}]))`,
              legend: 'blocked {{host}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Breaker state per worker',
          description: 'Circuit breaker of each worker for the host: 0 closed, 1 half-open, 2 open.',
          targets: [
            { expr: `max by (pod, host) (nba_scraper_breaker_state{${h}})`, legend: '{{pod}} {{host}}' },
          ],
          min: 0,
          max: 2,
          mappings: { '0': 'closed', '1': 'half-open', '2': 'open' },
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Breaker transitions',
          description: "Changes of the workers' breakers, by the state they went to.",
          targets: [
            {
              expr: `sum by (state) (increase(nba_scraper_breaker_transitions_total{${h}}[${RI}]))`,
              legend: '{{state}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Games stored per minute',
          description: 'Box scores upserted into the store.',
          targets: [
            { expr: `sum(rate(nba_scraper_games_stored_total{${NS}}[${RI}])) * 60`, legend: 'games' },
          ],
          w: 24,
          h: 6,
        },
      ],
    },
  ],
};
