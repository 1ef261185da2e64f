/**
 * A team's season page `/teams/<TEAM>/<Y>.html`: `div#info` (record, place, coach, arena), the
 * live `table#roster` of every player its box scores list (by last name, with the generated bio:
 * number, position, height, weight, birth date, country, experience, college), and, inside HTML
 * comments as on the real page, `table#team_and_opponent` (totals, per game and league ranks of
 * the team and its opponents over the regular season played so far) and `table#team_misc`. A
 * team without a played game lists its opening-day roster. Also the matching TeamSeasonPage.
 */

import { seasonLabel } from '../../domain/season-range.ts';
import type { RosterEntry, TeamSeasonPage, TeamSeasonStats } from '../../domain/team-season.ts';
import { TEAM_RATINGS, TEAM_STATS } from '../../store/season-tables.ts';
import { emptyLine } from './box-model.ts';
import { seasonCoaches } from './coaches.ts';
import { isoOf, longDateText } from './dates.ts';
import { conferenceName } from './divisions.ts';
import { esc, playerHref, teamHref } from './html.ts';
import { renderPage } from './page-layout.ts';
import { heightText, playerBio } from './player-bio.ts';
import type { RosterPlayer } from './rosters.ts';
import { seasonAggregate } from './season-aggregate.ts';
import type { SeasonModel } from './season-model.ts';
import { byRecord, seasonStandings } from './season-standings.ts';
import { type Column, cellValues, row, section, type TableCell, table } from './tables.ts';
import { miscCells, rankCells, teamStatCells } from './team-season-stats.ts';
import type { SeasonTeam } from './teams.ts';

const ROSTER_COLUMNS: Column[] = [
  ['number', 'No.', 'Uniform Number'],
  ['player', 'Player'],
  ['pos', 'Pos', 'Position'],
  ['height', 'Ht', 'Height'],
  ['weight', 'Wt', 'Weight'],
  ['birth_date', 'Birth Date'],
  ['flag', 'Birth', 'Country of Birth'],
  ['years_experience', 'Exp', 'Years experience in NBA/ABA (prior to this season)'],
  ['college', 'College'],
];

/** `team_misc`: the ratings the store keeps, with the arena before the attendance. */
const MISC_COLUMNS: Column[] = [
  ['player', '&nbsp;'],
  ...[...TEAM_RATINGS.slice(0, -1), 'arena_name', 'attendance'].map((s): Column => [s, s.toUpperCase()]),
];

function rosterRow(season: number, team: string, p: RosterPlayer): { html: string; truth: RosterEntry } {
  const bio = playerBio(season, p);
  const cc = bio.country.toLowerCase();
  const slug = (bio.college ?? '').toLowerCase().replace(/[^a-z]/g, '');
  const cells: TableCell[] = [
    { stat: 'number', html: bio.number, align: 'center' },
    {
      stat: 'player',
      html: `<a href="${playerHref(p.id)}">${esc(p.display)}</a>`,
      csk: p.sortKey,
      align: 'left',
      attrs: `data-append-csv="${p.id}"`,
    },
    { stat: 'pos', html: p.position, align: 'center' },
    { stat: 'height', html: heightText(bio.heightInches), csk: `${bio.heightInches}.0` },
    { stat: 'weight', html: String(bio.weightPounds) },
    {
      stat: 'birth_date',
      html: longDateText(bio.birthDay),
      csk: isoOf(bio.birthDay).replaceAll('-', ''),
      align: 'left',
    },
    { stat: 'flag', html: `<span class="f-i f-${cc}" style="">${cc}</span> ${bio.country}`, align: 'left' },
    {
      stat: 'years_experience',
      html: bio.experience === 0 ? 'R' : String(bio.experience),
      csk: bio.experience === 0 ? '0.5' : String(bio.experience),
    },
    {
      stat: 'college',
      html: bio.college ? `<a href='/friv/colleges.fcgi?college=${slug}'>${esc(bio.college)}</a>` : '',
      align: 'left',
    },
  ];
  return {
    html: row(cells),
    truth: {
      season,
      team,
      playerId: p.id,
      name: p.display,
      number: bio.number,
      position: p.position,
      heightInches: bio.heightInches,
      weightPounds: bio.weightPounds,
      birthDate: isoOf(bio.birthDay),
      country: bio.country,
      experience: bio.experience,
      college: bio.college,
    },
  };
}

/** The players a team's played box scores list, else its opening-day roster; by last name. */
function rosterOf(
  model: SeasonModel,
  team: SeasonTeam,
  listed: readonly string[] | undefined,
): RosterPlayer[] {
  const players = listed
    ? listed.map((id) => model.rosters.byId.get(id)!)
    : model.rosters.onTeam(team.code, model.calendar.window.from);
  return players
    .slice()
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.id < b.id ? -1 : 1));
}

export interface TeamPage {
  html: string;
  truth: TeamSeasonPage;
}

export function renderTeamPage(
  model: SeasonModel,
  team: SeasonTeam,
  asOfDay: number,
  headerScores: string,
): TeamPage {
  const season = model.season;
  const label = seasonLabel(season);
  const agg = seasonAggregate(model, asOfDay);
  const standings = seasonStandings(model, asOfDay);
  const standing = standings.get(team.code)!;
  const sums = agg.regular.teams.get(team.code);
  const all = [...agg.regular.teams.values()];

  const roster = rosterOf(model, team, agg.listed.get(team.code)).map((p) => rosterRow(season, team.code, p));
  const stats: TeamSeasonStats[] = [];
  const statRows: string[] = [];
  for (const side of ['team', 'opponent'] as const) {
    const name = side === 'team' ? 'Team' : 'Opponent';
    for (const perGame of [false, true]) {
      const cells = teamStatCells(
        sums?.games ?? 0,
        (side === 'team' ? sums?.line : sums?.opp) ?? emptyLine(),
        side,
        perGame,
      );
      statRows.push(row([{ stat: 'player', html: perGame ? `${name}/G` : name, align: 'left' }, ...cells]));
      const values = cellValues(cells);
      const record: Record<string, number | null> = {};
      for (const c of cells)
        record[c.stat.replace(/^opp_/, '').replace(/_per_g$/, '')] = values[c.stat] ?? null;
      stats.push({ season, team: team.code, side, basis: perGame ? 'per_game' : 'total', stats: record });
    }
    if (sums)
      statRows.push(row([{ stat: 'player', html: 'Lg Rank', align: 'left' }, ...rankCells(sums, all, side)]));
  }
  const misc = miscCells(team, sums, standing);
  const ratings = cellValues(misc.filter((c) => c.stat !== 'arena_name'));

  const conference = model.teams
    .filter((t) => t.conference === team.conference)
    .map((t) => standings.get(t.code)!)
    .sort(byRecord);
  const place = conference.findIndex((s) => s.team.code === team.code) + 1;
  const coach = seasonCoaches(season, model.teams).get(team.code)!;
  const info = `<div id="info" class="teams">
	<div id="meta">
		<div>
			<h1><span>${label}</span> <span>${esc(team.name)}</span> <span class="header_end">Roster and Stats</span></h1>
			<p><strong>Record:</strong> ${standing.wins}-${standing.losses}, Finished ${ordinal(place)} in NBA <a href="/leagues/NBA_${season}.html">${conferenceName(team.conference)}</a></p>
			<p><strong>Coach:</strong> <a href="/coaches/${coach.id}.html">${esc(coach.name)}</a> (${standing.wins}-${standing.losses})</p>
			<p><strong>Arena:</strong> ${esc(team.arena)}</p>
		</div>
	</div>
</div>`;
  const content = [
    section(
      'roster',
      'Roster',
      table({
        id: 'roster',
        caption: 'Roster',
        columns: ROSTER_COLUMNS,
        body: roster.map((r) => r.html),
        freeze: ',2',
      }),
      false,
    ),
    section(
      'team_and_opponent',
      'Team and Opponent Stats',
      table({
        id: 'team_and_opponent',
        caption: 'Team and Opponent Stats',
        columns: [['player', '&nbsp;'], ...TEAM_STATS.map((s): Column => [s, s.toUpperCase()])],
        body: statRows,
      }),
      true,
    ),
    section(
      'team_misc',
      'Team Misc',
      table({
        id: 'team_misc',
        caption: 'Team Misc',
        columns: MISC_COLUMNS,
        body: [row([{ stat: 'player', html: 'Team', align: 'left' }, ...misc])],
      }),
      true,
    ),
  ].join('\n');
  const html = renderPage({
    title: `${label} ${team.name} Roster and Stats | Basketball-Reference.com`,
    description: `Generated roster and stats of the ${label} ${team.name} on the nba-scraper replay site`,
    canonical: teamHref(team.code, season),
    section: 'none',
    crumbs: [
      ['Teams', '/teams/'],
      [team.name, `/teams/${team.code}/`],
      [label, null],
    ],
    headerScores,
    info,
    content,
  });
  return {
    html,
    truth: {
      season,
      team: team.code,
      teamName: team.name,
      roster: roster.map((r) => r.truth),
      stats,
      ratings,
    },
  };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
