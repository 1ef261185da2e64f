/**
 * The replay site: a deterministic local stand-in for basketball-reference.com (generated
 * seasons, real saved pages, fault injection, request statistics). See replay-site.ts.
 */

export type { GeneratedLookup, GroundTruthGame, SeasonGroundTruth, SiteContent } from './content.ts';
export { createSiteContent } from './content.ts';
export type { ReplayOperations } from './control-routes.ts';
export type {
  FaultConfig,
  FaultDecision,
  LatencyFault,
  LayoutFault,
  NormalisedFaults,
  RateLimitFault,
  ResetFault,
  ServerErrorFault,
  SlowBodyFault,
  TruncatedFault,
} from './faults.ts';
export { breakLayout, decideFault, layoutBroken, normaliseFaults } from './faults.ts';
export { fixturePathOf } from './fixtures-index.ts';
export type { ReplaySite, ReplaySiteOptions } from './replay-site.ts';
export { createReplaySite } from './replay-site.ts';
export type { ClientStats, ReplayStatsSnapshot, RequestRecord, StatsQuery } from './request-stats.ts';
export type { PageKind } from './routes.ts';
export type { MonthPage, SeasonGame, SeasonModel } from './season-model.ts';
export { generateSeason, listedGames, monthPages, seasonModel } from './season-model.ts';
export type { SeasonTeam } from './teams.ts';
export { FIRST_REPLAY_SEASON, teamsForSeason } from './teams.ts';
export { boxScoreOf, scheduleGameOf } from './truth.ts';
