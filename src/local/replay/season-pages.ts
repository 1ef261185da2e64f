/**
 * The season-level pages the replay site generates, by kind: whether a season has the page at the
 * clock (standings, team pages and advanced stats once a game is played; the draft and the awards
 * once every game is), and its HTML with the records a parser should read from it.
 */
import type { AwardEntry } from '../../domain/awards.ts';
import type { DraftPick } from '../../domain/draft.ts';
import type { PlayerAdvanced } from '../../domain/player-advanced.ts';
import type { StandingsRow } from '../../domain/standings.ts';
import type { TeamSeasonPage } from '../../domain/team-season.ts';
import { renderAdvancedPage } from './render-advanced.ts';
import { renderAwardsPage } from './render-awards.ts';
import { renderDraftPage } from './render-draft.ts';
import { renderSummaryPage } from './render-summary.ts';
import { renderTeamPage } from './render-team.ts';
import type { SeasonPageKind } from './routes.ts';
import type { SeasonModel } from './season-model.ts';

export interface SeasonPageTruth {
  summary: StandingsRow[];
  team: TeamSeasonPage;
  advanced: PlayerAdvanced[];
  draft: DraftPick[];
  awards: AwardEntry[];
}

export interface RenderedSeasonPage<K extends SeasonPageKind> {
  html: string;
  truth: SeasonPageTruth[K];
}

/** Whether the season shows the page at `asOfDay` (`team`: a team of the season, for team pages). */
export function hasSeasonPage(
  kind: SeasonPageKind,
  model: SeasonModel,
  asOfDay: number,
  team: string | null,
): boolean {
  if (kind === 'team' && !model.teams.some((t) => t.code === team)) return false;
  const first = model.games[0]!.day;
  const last = model.games[model.games.length - 1]!.day;
  return kind === 'draft' || kind === 'awards' ? last <= asOfDay : first <= asOfDay;
}

/** The page (which must exist: see hasSeasonPage) and its records. */
export function renderSeasonPage<K extends SeasonPageKind>(
  kind: K,
  model: SeasonModel,
  asOfDay: number,
  team: string | null,
  headerScores: string,
): RenderedSeasonPage<K> {
  const page = (): RenderedSeasonPage<SeasonPageKind> => {
    switch (kind) {
      case 'summary':
        return renderSummaryPage(model, asOfDay, headerScores);
      case 'team':
        return renderTeamPage(model, model.teams.find((t) => t.code === team)!, asOfDay, headerScores);
      case 'advanced':
        return renderAdvancedPage(model, asOfDay, headerScores);
      case 'draft':
        return renderDraftPage(model, asOfDay, headerScores);
      default:
        return renderAwardsPage(model, asOfDay, headerScores);
    }
  };
  return page() as RenderedSeasonPage<K>;
}
