/**
 * The Seasons dashboard (nba-scraper / Seasons): progress and ETA per season, and what the store
 * holds of each (completeness ledger).
 */
import type { DashboardSpec } from '../grafana.ts';
import { labelVariable, NAMESPACE, NS, RI, selector } from './shared.ts';

const s = selector('season');
export const SEASONS_DASHBOARD: DashboardSpec = {
  uid: 'nba-scraper-seasons',
  title: 'nba-scraper / Seasons',
  description:
    'Progress and ETA of every enqueued season, and what the store holds of each season (completeness ledger).',
  variables: [NAMESPACE, labelVariable('season', 'Season', 'nba_scraper_season_boxscores_expected')],
  rows: [
    {
      row: 'Progress',
      panels: [
        {
          type: 'bargauge',
          title: 'Box scores done',
          description:
            "Box score jobs finished (completed or failed for good) of those the season's run added.",
          unit: 'percentunit',
          min: 0,
          max: 1,
          targets: [
            {
              expr: `max by (season) (nba_scraper_season_boxscores_done{${s}}) / max by (season) (nba_scraper_season_boxscores_expected{${s}})`,
              legend: '{{season}}',
              instant: true,
            },
          ],
        },
        {
          type: 'bargauge',
          title: 'ETA',
          description:
            'Time left at the pace of the last 10 minutes (0: done; none: no progress to measure).',
          unit: 's',
          targets: [
            {
              expr: `max by (season) (queue_season:nba_scraper_season_eta_seconds:deriv10m{${s}})`,
              legend: '{{season}}',
              instant: true,
            },
          ],
        },
        {
          type: 'table',
          title: 'Seasons',
          description: 'Schedule pages, games and box scores per season.',
          targets: [
            {
              expr: `max by (season) (nba_scraper_season_schedule_pages{${s}})`,
              legend: 'pages',
              instant: true,
            },
            {
              expr: `max by (season) (nba_scraper_season_schedule_pages_expected{${s}})`,
              legend: 'pages listed',
              instant: true,
            },
            { expr: `max by (season) (nba_scraper_season_games{${s}})`, legend: 'games', instant: true },
            {
              expr: `max by (season) (nba_scraper_season_boxscores_expected{${s}})`,
              legend: 'box scores added',
              instant: true,
            },
            {
              expr: `max by (season) (nba_scraper_season_boxscores_done{${s}})`,
              legend: 'box scores done',
              instant: true,
            },
            {
              expr: `max by (season) (nba_scraper_season_boxscores_failed{${s}})`,
              legend: 'box scores failed',
              instant: true,
            },
          ],
          w: 16,
        },
        {
          type: 'table',
          title: 'Season job state',
          description: "The state of each season's job.",
          targets: [{ expr: `max by (season, state) (nba_scraper_season_state{${s}}) == 1`, instant: true }],
          w: 8,
        },
      ],
    },
    {
      row: 'Over time',
      panels: [
        {
          type: 'timeseries',
          title: 'Box scores done',
          description: 'Box score jobs finished per season.',
          targets: [
            { expr: `max by (season) (nba_scraper_season_boxscores_done{${s}})`, legend: '{{season}}' },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Box scores per minute',
          description: 'Pace of each season over the last 10 minutes.',
          targets: [
            {
              expr: `max by (season) (queue_season:nba_scraper_season_boxscores_done:deriv10m{${s}}) * 60`,
              legend: '{{season}}',
            },
          ],
          w: 8,
        },
        {
          type: 'timeseries',
          title: 'Box scores failed',
          description: 'Box score jobs of each season that failed for good.',
          targets: [
            { expr: `max by (season) (nba_scraper_season_boxscores_failed{${s}})`, legend: '{{season}}' },
          ],
          w: 8,
        },
      ],
    },
    {
      row: 'Stored (completeness ledger, read from the store)',
      panels: [
        {
          type: 'bargauge',
          title: 'Box scores stored of played games',
          description:
            'Per season in the store: box scores stored / played games of its stored schedule (`nba-scraper status --season`). Below 100 % with nothing queued: `nba-scraper reconcile --season`.',
          unit: 'percentunit',
          min: 0,
          max: 1,
          thresholds: [],
          targets: [
            {
              expr: `max by (season) (nba_scraper_dataset_boxscores_stored{${s}}) / (max by (season) (nba_scraper_dataset_boxscores_expected{${s}}) > 0)`,
              legend: '{{season}}',
              instant: true,
            },
          ],
          w: 8,
        },
        {
          type: 'table',
          title: 'Stored vs expected per season',
          description:
            'What the store holds per season: games of the stored schedule, box scores expected (played games), stored and missing, player totals rows.',
          targets: [
            { expr: `max by (season) (nba_scraper_dataset_games{${s}})`, legend: 'games', instant: true },
            {
              expr: `max by (season) (nba_scraper_dataset_boxscores_expected{${s}})`,
              legend: 'box scores expected',
              instant: true,
            },
            {
              expr: `max by (season) (nba_scraper_dataset_boxscores_stored{${s}})`,
              legend: 'box scores stored',
              instant: true,
            },
            {
              expr: `max by (season) (season:nba_scraper_dataset_boxscores_missing:max{${s}})`,
              legend: 'box scores missing',
              instant: true,
            },
            {
              expr: `max by (season) (nba_scraper_dataset_player_totals_rows{${s}})`,
              legend: 'player totals rows',
              instant: true,
            },
          ],
          w: 16,
        },
        {
          type: 'timeseries',
          title: 'Box scores stored vs expected',
          description:
            'Box scores stored of played games, and played games, per season, as the store has them.',
          targets: [
            {
              expr: `max by (season) (nba_scraper_dataset_boxscores_stored{${s}})`,
              legend: 'stored {{season}}',
            },
            {
              expr: `max by (season) (nba_scraper_dataset_boxscores_expected{${s}})`,
              legend: 'expected {{season}}',
            },
          ],
          w: 6,
        },
        {
          type: 'timeseries',
          title: 'Box scores missing',
          description:
            'Played games without a stored box score, per season. Alert NbaScraperDatasetIncomplete when one stays after its season finished.',
          targets: [
            {
              expr: `max by (season) (season:nba_scraper_dataset_boxscores_missing:max{${s}})`,
              legend: '{{season}}',
            },
          ],
          thresholds: [[1, 'orange']],
          w: 6,
        },
        {
          type: 'timeseries',
          title: 'Store read time',
          description:
            "Mean time of the exporter's reads of the store (every season's ledger, every EXPORTER_DATASET_INTERVAL_MS) over 5 minutes.",
          unit: 's',
          targets: [
            {
              expr: `max(rate(nba_scraper_exporter_dataset_read_duration_seconds_sum{${NS}}[5m]) / rate(nba_scraper_exporter_dataset_read_duration_seconds_count{${NS}}[5m]))`,
              legend: 'mean',
            },
          ],
          w: 6,
        },
        {
          type: 'timeseries',
          title: 'Store reads failed',
          description:
            'Reads of the store by the exporter that failed; after 3 in a row the dataset series are dropped (alert NbaScraperDatasetUnreadable).',
          targets: [
            {
              expr: `sum(increase(nba_scraper_exporter_dataset_read_errors_total{${NS}}[${RI}]))`,
              legend: 'failed reads',
            },
          ],
          thresholds: [[1, 'red']],
          w: 6,
        },
      ],
    },
  ],
};
