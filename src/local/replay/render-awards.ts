/**
 * Awards page `/awards/awards_<Y>.html` of a finished generated season, in the real page's order
 * and markup: the live voting tables `mvp` and `roy`, the all-league tables `leading_all_nba`,
 * `leading_all_defense`, `leading_all_rookie` (blank `tr.thead` rows before each team; `1T`..`3T`
 * and others receiving votes from 2023-24, `1st`..`3rd` before), and `coy` inside an HTML
 * comment. Also the matching AwardEntry records.
 */
import type { AwardEntry } from '../../domain/awards.ts';
import { seasonLabel } from '../../domain/season-range.ts';
import { points as pointsOf } from './box-model.ts';
import { type Coach, seasonCoaches } from './coaches.ts';
import { esc, playerHref, teamHref } from './html.ts';
import { renderPage } from './page-layout.ts';
import { playerBio } from './player-bio.ts';
import { type AdvancedRow, seasonAdvancedRows } from './season-advanced.ts';
import { type Candidate, shareText, type Tally, tallyVotes, VOTERS, votingRanks } from './season-awards.ts';
import type { SeasonModel } from './season-model.ts';
import { seasonStandings, type TeamStanding } from './season-standings.ts';
import { fixed1, ratio3 } from './stats-math.ts';
import { type Column, cellValues, row, section, type TableCell, table } from './tables.ts';

interface Player {
  adv: AdvancedRow;
  /** The team he ended the season with. */
  team: string;
  value: (stat: string) => number;
}

const PER_GAME: Column[] = [
  ['g', 'G', 'Games'],
  ['mp_per_g', 'MP', 'Minutes Played Per Game'],
  ['pts_per_g', 'PTS', 'Points Per Game'],
  ['trb_per_g', 'TRB', 'Total Rebounds Per Game'],
  ['ast_per_g', 'AST', 'Assists Per Game'],
  ['stl_per_g', 'STL', 'Steals Per Game'],
  ['blk_per_g', 'BLK', 'Blocks Per Game'],
  ['fg_pct', 'FG%', 'Field Goal Percentage'],
  ['fg3_pct', '3P%', '3-Point Field Goal Percentage'],
  ['ft_pct', 'FT%', 'Free Throw Percentage'],
  ['ws', 'WS', 'Win Shares'],
  ['ws_per_48', 'WS/48', 'Win Shares Per 48 Minutes'],
];
const VOTING: Column[] = [
  ['points_won', 'Pts Won'],
  ['points_max', 'Pts Max'],
  ['award_share', 'Share'],
];

function seasonCells(p: Player): TableCell[] {
  const t = p.adv.row.totals;
  const l = t.line;
  const per = (x: number): string => fixed1(x / t.games);
  const adv = (stat: string) => p.adv.cells.find((c) => c.stat === stat)!;
  return [
    { stat: 'g', html: String(t.games) },
    { stat: 'mp_per_g', html: per(l.sec / 60) },
    { stat: 'pts_per_g', html: per(pointsOf(l)) },
    { stat: 'trb_per_g', html: per(l.orb + l.drb) },
    { stat: 'ast_per_g', html: per(l.ast) },
    { stat: 'stl_per_g', html: per(l.stl) },
    { stat: 'blk_per_g', html: per(l.blk) },
    { stat: 'fg_pct', html: ratio3(l.fg2 + l.fg3, l.fg2a + l.fg3a) },
    { stat: 'fg3_pct', html: ratio3(l.fg3, l.fg3a) },
    { stat: 'ft_pct', html: ratio3(l.ft, l.fta) },
    { stat: 'ws', html: adv('ws').html },
    { stat: 'ws_per_48', html: adv('ws_per_48').html },
  ];
}

function playerCells(season: number, p: Player): TableCell[] {
  const pl = p.adv.row.player;
  return [
    {
      stat: 'player',
      html: `<a href="${playerHref(pl.id)}">${esc(pl.display)}</a>`,
      csk: pl.sortKey,
      align: 'left',
      attrs: `data-append-csv="${pl.id}"`,
    },
    { stat: 'age', html: String(pl.age) },
    { stat: 'team_id', html: `<a href="${teamHref(p.team, season)}">${p.team}</a>`, align: 'left' },
  ];
}

interface Built {
  html: string;
  truth: AwardEntry[];
}

function entry(
  season: number,
  award: string,
  kind: AwardEntry['kind'],
  place: string,
  values: Record<string, number | null>,
) {
  return {
    season,
    award,
    kind,
    place,
    winner: kind === 'voting' ? /^1T?$/.test(place) : place !== 'ORV',
    votesFirst: values.votes_first ?? values.first_team_votes ?? null,
    pointsWon: values.points_won ?? null,
    pointsMax: values.points_max ?? null,
    share: values.award_share ?? null,
  };
}

function votingTable<T>(
  season: number,
  id: string,
  heading: string,
  tallies: readonly Tally<T>[],
  max: number,
  who: (t: T) => {
    cells: TableCell[];
    columns: Column[];
    after: TableCell[];
    afterColumns: Column[];
    playerId: string | null;
    coachId: string | null;
    name: string;
    team: string;
  },
  commented: boolean,
): Built {
  const ranks = votingRanks(tallies.map((t) => t.points));
  const body: string[] = [];
  const truth: AwardEntry[] = [];
  let columns: Column[] = [];
  tallies.forEach((t, i) => {
    const w = who(t.who);
    const vote: TableCell[] = [
      { stat: 'votes_first', html: String(t.votes[0]) },
      { stat: 'points_won', html: String(t.points) },
      { stat: 'points_max', html: String(max) },
      { stat: 'award_share', html: shareText(t.points, max) },
    ];
    const cells = [{ stat: 'rank', html: ranks[i]! }, ...w.cells, ...vote, ...w.after];
    columns = [
      ['rank', 'Rank'],
      ...w.columns,
      ['votes_first', 'First', 'First Place Votes'],
      ...VOTING,
      ...w.afterColumns,
    ];
    body.push(row(cells));
    truth.push({
      ...entry(season, id, 'voting', ranks[i]!, cellValues(vote)),
      playerId: w.playerId,
      coachId: w.coachId,
      name: w.name,
      team: w.team,
    });
  });
  const html = section(id, heading, table({ id, caption: heading, columns, body, freeze: ',2' }), commented);
  return { html, truth };
}

const PLAYER_COLUMNS: Column[] = [
  ['player', 'Player'],
  ['age', 'Age'],
  ['team_id', 'Tm', 'Team'],
];

function playerWho(season: number) {
  return (p: Player) => ({
    cells: playerCells(season, p),
    columns: PLAYER_COLUMNS,
    after: seasonCells(p),
    afterColumns: PER_GAME,
    playerId: p.adv.row.player.id,
    coachId: null,
    name: p.adv.row.player.display,
    team: p.team,
  });
}

/** An all-league table: `teams` teams of five by points, then others receiving votes from 2023-24. */
function selectionTable(
  season: number,
  award: string,
  heading: string,
  tallies: readonly Tally<Player>[],
  max: number,
  teams: number,
  teamVotes: boolean,
): Built {
  const modern = season >= 2024;
  const labels = modern && award === 'all_nba' ? ['1T', '2T', '3T'] : ['1st', '2nd', '3rd'];
  const listed = modern ? tallies : tallies.slice(0, 5 * teams);
  const voteColumns: Column[] = teamVotes
    ? ['first_team_votes', 'second_team_votes', 'third_team_votes'].slice(0, teams).map((s): Column => [s, s])
    : [];
  const columns: Column[] = [
    [`${award}_team`, '# Tm'],
    ['pos', 'Pos'],
    ...PLAYER_COLUMNS,
    ...VOTING,
    ...voteColumns,
    ...PER_GAME,
  ];
  const body: string[] = [];
  const truth: AwardEntry[] = [];
  let current = '';
  listed.forEach((t, i) => {
    const shown = i < 5 * teams ? labels[Math.floor(i / 5)]! : 'ORV';
    if (shown !== current) {
      current = shown;
      body.push(
        `<tr id="start_${shown}_${award}" class="thead" >${row(columns.map(([stat]) => ({ stat, html: '' })))
          .replace(/^<tr >/, '')
          .replace(/<\/tr>$/, '')}</tr>`,
      );
    }
    const pos = t.who.adv.row.player.position;
    const vote: TableCell[] = [
      { stat: 'points_won', html: String(t.points) },
      { stat: 'points_max', html: String(max) },
      { stat: 'award_share', html: shareText(t.points, max) },
      ...voteColumns.map(([stat], k) => ({ stat, html: String(t.votes[k]) })),
    ];
    body.push(
      row([
        { stat: `${award}_team`, html: shown },
        { stat: 'pos', html: pos === 'C' ? 'C' : pos.endsWith('G') ? 'G' : 'F', align: 'center' },
        ...playerCells(season, t.who),
        ...vote,
        ...seasonCells(t.who),
      ]),
    );
    const place = /^\dT$/.test(shown) ? ['1st', '2nd', '3rd'][Number(shown[0]) - 1]! : shown;
    truth.push({
      ...entry(season, award, 'selection', place, cellValues(vote)),
      playerId: t.who.adv.row.player.id,
      coachId: null,
      name: t.who.adv.row.player.display,
      team: t.who.team,
    });
  });
  const id = `leading_${award}`;
  return {
    html: section(id, heading, table({ id, caption: heading, columns, body, freeze: ',3' }), false),
    truth,
  };
}

function top<T>(items: readonly T[], score: (t: T) => number, n: number): Candidate<T>[] {
  return items
    .map((who) => ({ who, score: score(who) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, n);
}

export interface AwardsPage {
  html: string;
  truth: AwardEntry[];
}

export function renderAwardsPage(model: SeasonModel, asOfDay: number, headerScores: string): AwardsPage {
  const season = model.season;
  const label = seasonLabel(season);
  const standings = seasonStandings(model, asOfDay);
  const rows = seasonAdvancedRows(model, asOfDay, 'regular');
  const players: Player[] = [];
  rows.forEach((adv, i) => {
    if (adv.row.partial) return;
    const last = adv.row.summary
      ? rows
          .slice(i + 1)
          .filter((r) => r.row.partial && r.row.player.id === adv.row.player.id)
          .at(-1)!.row.team
      : adv.row.team;
    const values = cellValues(adv.cells);
    players.push({ adv, team: last, value: (stat) => values[stat] ?? 0 });
  });
  const wins = (p: Player): number => standings.get(p.team)?.wins ?? 0;
  const rookies = players.filter((p) => playerBio(season, p.adv.row.player).experience === 0);
  const who = playerWho(season);
  const built: Built[] = [
    votingTable(
      season,
      'mvp',
      'Most Valuable Player',
      tallyVotes(
        `mvp:${season}`,
        top(players, (p) => p.value('ws') + 0.08 * wins(p), 16),
        [10, 7, 5, 3, 1],
      ),
      10 * VOTERS,
      who,
      false,
    ),
    votingTable(
      season,
      'roy',
      'Rookie of the Year',
      tallyVotes(
        `roy:${season}`,
        top(rookies, (p) => p.value('ws') + p.value('per') / 10, 10),
        [5, 3, 1],
      ),
      5 * VOTERS,
      who,
      false,
    ),
    selectionTable(
      season,
      'all_nba',
      'All-NBA Teams',
      tallyVotes(
        `all_nba:${season}`,
        top(players, (p) => p.value('ws') + 0.5 * p.value('bpm'), 30),
        [5, 3, 1],
        5,
      ),
      5 * VOTERS,
      3,
      true,
    ),
    selectionTable(
      season,
      'all_defense',
      'All-Defensive Teams',
      tallyVotes(
        `all_defense:${season}`,
        top(players, (p) => p.value('dws') + 0.5 * p.value('dbpm'), 30),
        [2, 1],
        5,
      ),
      2 * VOTERS,
      2,
      false,
    ),
    selectionTable(
      season,
      'all_rookie',
      'All-Rookie Teams',
      tallyVotes(
        `all_rookie:${season}`,
        top(rookies, (p) => p.value('ws'), 20),
        [2, 1],
        5,
      ),
      2 * VOTERS,
      2,
      true,
    ),
    coachTable(model, standings),
  ];
  const html = renderPage({
    title: `${label} NBA Awards Voting | Basketball-Reference.com`,
    description: `Generated awards voting of the ${label} season on the nba-scraper replay site`,
    canonical: `/awards/awards_${season}.html`,
    section: 'none',
    crumbs: [
      ['Awards', '/awards/'],
      [`${label} NBA Awards Voting`, null],
    ],
    headerScores,
    info: `<div id="info" class="awards">\n\t<div id="meta">\n\t\t<div>\n\t\t\t<h1><span>${label}</span> <span>NBA Awards Voting</span></h1>\n\t\t</div>\n\t</div>\n</div>`,
    content: built.map((b) => b.html).join('\n'),
  });
  return { html, truth: built.flatMap((b) => b.truth) };
}

function coachTable(model: SeasonModel, standings: ReadonlyMap<string, TeamStanding>): Built {
  const season = model.season;
  const coaches = seasonCoaches(season, model.teams);
  const teams = [...standings.values()];
  const expected = (s: TeamStanding): number =>
    s.games * (0.5 + 0.03 * (model.ratings.get(s.team.code) ?? 0));
  const candidates = top(teams, (s) => (s.wins - expected(s)) / 4 + s.wins / 20, 12);
  const tallies = tallyVotes(`coy:${season}`, candidates, [5, 3, 1]);
  return votingTable(
    season,
    'coy',
    'Coach of the Year',
    tallies,
    5 * VOTERS,
    (s: TeamStanding) => {
      const coach: Coach = coaches.get(s.team.code)!;
      return {
        cells: [
          {
            stat: 'coach',
            html: `<a href="/coaches/${coach.id}.html">${esc(coach.name)}</a>`,
            csk: coach.sortKey,
            align: 'left',
          },
          {
            stat: 'team_id',
            html: `<a href="${teamHref(s.team.code, season)}">${s.team.code}</a>`,
            align: 'left',
          },
        ],
        columns: [
          ['coach', 'Coach'],
          ['team_id', 'Tm', 'Team'],
        ],
        after: [
          { stat: 'g', html: String(s.games) },
          { stat: 'wins', html: String(s.wins) },
          { stat: 'losses', html: String(s.losses) },
          { stat: 'win_loss_pct', html: ratio3(s.wins, s.games) },
        ],
        afterColumns: [
          ['g', 'G', 'Games'],
          ['wins', 'W', 'Wins'],
          ['losses', 'L', 'Losses'],
          ['win_loss_pct', 'W/L%', 'Win-Loss Percentage'],
        ],
        playerId: null,
        coachId: coach.id,
        name: coach.name,
        team: s.team.code,
      };
    },
    true,
  );
}
