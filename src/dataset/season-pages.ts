/**
 * The season-level pages of a source (season summary for the standings, one page per team,
 * advanced player stats, draft, awards): for each kind, where the page is, which tables it fills,
 * and how a page's records are stored. The crawl (the `page` job) and the rebuild from the raw
 * archive (reparse) both store through here, so they store the same rows.
 */
import type { ScheduleGame } from '../domain/game.ts';
import { EmptyPageError } from '../errors/empty-page-error.ts';
import type { PageBody, SourceSite } from '../sources/source.ts';
import {
  awardRows,
  draftRows,
  playerAdvancedRows,
  type SeasonTableName,
  standingsRows,
  teamSeasonRows,
} from '../store/season-tables.ts';
import type { Store } from '../store/store.ts';

export const SEASON_PAGE_KINDS = ['summary', 'team', 'advanced', 'draft', 'awards'] as const;
export type SeasonPageKind = (typeof SEASON_PAGE_KINDS)[number];

export function isSeasonPageKind(kind: string): kind is SeasonPageKind {
  return (SEASON_PAGE_KINDS as readonly string[]).includes(kind);
}

/** When a season must have a page of a kind. */
export type SeasonPageWhen =
  /** once any game of the season was played (standings, rosters and stats change as it goes on) */
  | 'played'
  /** once every scheduled game was played (the draft and the awards come after the season) */
  | 'finished';

export interface SeasonPageSpec {
  kind: SeasonPageKind;
  /** The tables the page fills. */
  tables: readonly SeasonTableName[];
  when: SeasonPageWhen;
  /** One page per team of the season (true) or one per season. */
  perTeam: boolean;
  /** The page's path on the source, or null when the site has no such page. */
  path(site: SourceSite, season: number, team: string | null): string | null;
  /** Parses the page and replaces what its scope held; returns the rows stored. */
  store(store: Store, site: SourceSite, season: number, html: PageBody, team: string | null): Promise<number>;
}

function missing(site: SourceSite, what: string): never {
  throw new EmptyPageError(`source ${site.id} has no ${what} pages`);
}

export const SEASON_PAGES: Readonly<Record<SeasonPageKind, SeasonPageSpec>> = {
  summary: {
    kind: 'summary',
    tables: ['standings'],
    when: 'played',
    perTeam: false,
    path: (site, season) => site.summaryPath?.(season) ?? null,
    async store(store, site, season, html) {
      if (!site.parseStandings) missing(site, 'season summary');
      const rows = standingsRows(site.parseStandings(html, season));
      await store.replaceSeasonRows('standings', { season }, rows);
      return rows.length;
    },
  },
  team: {
    kind: 'team',
    tables: ['rosters', 'team_season_stats'],
    when: 'played',
    perTeam: true,
    path: (site, season, team) => (team === null ? null : (site.teamSeasonPath?.(team, season) ?? null)),
    async store(store, site, season, html, team) {
      if (!site.parseTeamSeason) missing(site, 'team season');
      const page = site.parseTeamSeason(html, season, team ?? undefined);
      const rows = teamSeasonRows(page);
      const scope = { season, team: page.team };
      await store.replaceSeasonRows('rosters', scope, rows.rosters);
      await store.replaceSeasonRows('team_season_stats', scope, rows.team_season_stats);
      return rows.rosters.length + rows.team_season_stats.length;
    },
  },
  advanced: {
    kind: 'advanced',
    tables: ['player_advanced'],
    when: 'played',
    perTeam: false,
    path: (site, season) => site.advancedPath?.(season) ?? null,
    async store(store, site, season, html) {
      if (!site.parsePlayerAdvanced) missing(site, 'advanced stats');
      const rows = playerAdvancedRows(site.parsePlayerAdvanced(html, season));
      for (const part of new Set(rows.map((r) => r.part ?? null))) {
        await store.replaceSeasonRows(
          'player_advanced',
          { season, part },
          rows.filter((r) => r.part === part),
        );
      }
      return rows.length;
    },
  },
  draft: {
    kind: 'draft',
    tables: ['draft_picks'],
    when: 'finished',
    perTeam: false,
    path: (site, season) => site.draftPath?.(season) ?? null,
    async store(store, site, season, html) {
      if (!site.parseDraft) missing(site, 'draft');
      const rows = draftRows(site.parseDraft(html, season));
      await store.replaceSeasonRows('draft_picks', { season }, rows);
      return rows.length;
    },
  },
  awards: {
    kind: 'awards',
    tables: ['awards'],
    when: 'finished',
    perTeam: false,
    path: (site, season) => site.awardsPath?.(season) ?? null,
    async store(store, site, season, html) {
      if (!site.parseAwards) missing(site, 'awards');
      const rows = awardRows(site.parseAwards(html, season));
      await store.replaceSeasonRows('awards', { season }, rows);
      return rows.length;
    },
  },
};

/** The teams of a season, from its own schedule: every visitor and home team code, sorted. */
export function teamsOfSchedule(schedule: readonly ScheduleGame[]): string[] {
  const teams = new Set<string>();
  for (const g of schedule) {
    teams.add(g.visitor.code);
    teams.add(g.home.code);
  }
  return [...teams].sort();
}

/** One season-level page the season must have, with its path on the source. */
export interface SeasonPageTarget {
  kind: SeasonPageKind;
  team: string | null;
  path: string;
}

/**
 * The season-level pages a season must have, given its stored schedule: none before a game was
 * played; standings, team pages and advanced stats once one was; the draft and awards once every
 * game was. Kinds the site does not have are left out.
 */
export function seasonPageTargets(
  site: SourceSite,
  season: number,
  schedule: readonly ScheduleGame[],
): SeasonPageTarget[] {
  const played = schedule.some((g) => g.status === 'final');
  const finished = schedule.length > 0 && schedule.every((g) => g.status === 'final');
  const targets: SeasonPageTarget[] = [];
  for (const spec of Object.values(SEASON_PAGES)) {
    if (!(spec.when === 'played' ? played : finished)) continue;
    for (const team of spec.perTeam ? teamsOfSchedule(schedule) : [null]) {
      const path = spec.path(site, season, team);
      if (path !== null) targets.push({ kind: spec.kind, team, path });
    }
  }
  return targets;
}
