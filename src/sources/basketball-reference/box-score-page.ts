/**
 * Box score pages `/boxscores/<YYYYMMDD>0<HOME>.html` -> BoxScore. The parts live in their own
 * files: scorebox.ts (teams, points, records, date, venue), game-heading.ts (playoffs / play-in),
 * player-tables.ts (basic + advanced player rows, team totals), line-score.ts, four-factors.ts and
 * game-info.ts (inactive players, officials, attendance, time of game).
 *
 * Season: the one the scorebox team links name (`/teams/DET/2018.html` on the 2017-10-31 game);
 * when the links do not agree or are missing, the date rule of game-season.ts (which puts the
 * 2020 bubble games in 2019-20).
 */
import type { BoxScore, TeamBox } from '../../domain/box-score.ts';
import { EmptyPageError } from '../../errors/empty-page-error.ts';
import { ParseError } from '../../errors/parse-error.ts';
import type { PageBody } from '../source.ts';
import { is, selectFirst, textOf } from './dom.ts';
import { parseFourFactors } from './four-factors.ts';
import { parseGameHeading } from './game-heading.ts';
import { parseGameInfo } from './game-info.ts';
import { seasonOfDate } from './game-season.ts';
import { parseLineScore } from './line-score.ts';
import { loadPage, ownStrings, statedGameId } from './page.ts';
import { parseTeamPlayers } from './player-tables.ts';
import { parseScorebox, type ScoreboxTeam } from './scorebox.ts';
import { dateFromGameId, isGameId } from './urls.ts';

const WHAT = 'box score page';

/**
 * The per-period player tables (`box-TOR-q1-basic` .. `q4`, `h1`, `h2`, `ot1`...): two thirds of a
 * box score page, never read, so cut out before parsing.
 */
const PERIOD_TABLE = /^box-[A-Za-z0-9]+-(?:q|h|ot)\d+-(?:basic|advanced)$/;

/**
 * Parses the box score page of game `gameId`. Throws ParseError when the page lacks the box score
 * structure or is another game's page, EmptyPageError when a team has no player rows.
 */
export function parseBoxScore(html: PageBody, gameId: string): BoxScore {
  if (!isGameId(gameId)) throw new RangeError(`"${gameId}" is not a basketball-reference game id`);
  const { content, urls, title } = loadPage(html, WHAT, { skipTables: PERIOD_TABLE });
  const stated = statedGameId(urls);
  if (stated !== undefined && stated !== gameId) {
    throw new ParseError(`${WHAT} is the page of game ${stated}, not ${gameId}`);
  }

  const scorebox = parseScorebox(content);
  const { visitor, home } = scorebox;
  const date = scorebox.date ?? dateFromGameId(gameId);
  const heading = parseGameHeading(textOf(selectFirst(content, is('h1'))) || title());
  const lineScore = parseLineScore(content);
  const fourFactors = parseFourFactors(content);
  const info = parseGameInfo(content);

  const team = (sb: ScoreboxTeam, index: 0 | 1): TeamBox => {
    const line = lineScore[index]!;
    if (line.code !== sb.code) {
      throw new ParseError(
        `${WHAT}: table#line_score row ${index + 1} is ${line.code}, the scorebox says ${sb.code}`,
      );
    }
    const { players, totals } = parseTeamPlayers(content, sb.code);
    if (players.length === 0) throw new EmptyPageError(`${WHAT} ${gameId}: ${sb.code} has no player rows`);
    return {
      code: sb.code,
      name: sb.name,
      points: sb.points,
      record: sb.record,
      lineScore: line.periods,
      fourFactors: fourFactors.get(sb.code) ?? null,
      players,
      totals,
      inactive: info.inactive.get(sb.code) ?? [],
    };
  };

  return ownStrings({
    gameId,
    season: visitor.season === home.season ? home.season : seasonOfDate(date),
    date,
    startTime: scorebox.startTime,
    arena: scorebox.arena,
    location: scorebox.location,
    gameType: heading.gameType,
    playoffRound: heading.playoffRound,
    overtimes: Math.max(0, lineScore[1]!.periods.length - 4),
    visitor: team(visitor, 0),
    home: team(home, 1),
    officials: info.officials,
    attendance: info.attendance,
    durationMinutes: info.durationMinutes,
  });
}
