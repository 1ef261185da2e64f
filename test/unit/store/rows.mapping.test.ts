import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADVANCED_STATS, BASIC_STATS } from '../../../src/domain/box-score.ts';
import {
  boxScoreRows,
  columnNames,
  gameRowFromBoxScore,
  gameRowFromSchedule,
  mergeGameRows,
  PLAYER_TOTALS_STATS,
  periodLabel,
  playerTotalsRows,
  type Row,
  rowComparator,
  rowValues,
  TABLE_NAMES,
  TABLES,
} from '../../../src/store/rows.ts';
import {
  boxScoreFromRows,
  playerTotalsFromRow,
  scheduleGameFromRow,
} from '../../../src/store/rows-to-records.ts';
import {
  januaryListings,
  overtimeBoxScore,
  plainBoxScore,
  seasonTotals,
} from '../../helpers/store-records.ts';

const keysOf = (row: Row): string[] => Object.keys(row).sort();
const sorted = (names: readonly string[]): string[] => [...names].sort();

test('table columns are stable: exact order of every table', () => {
  assert.deepEqual(
    [...TABLE_NAMES],
    [
      'games',
      'team_lines',
      'player_lines',
      'line_scores',
      'inactive_players',
      'player_season_totals',
      'standings',
      'rosters',
      'team_season_stats',
      'player_advanced',
      'draft_picks',
      'awards',
    ],
  );
  assert.deepEqual(columnNames('games'), [
    'game_id',
    'season',
    'date',
    'start_time',
    'visitor_code',
    'visitor_name',
    'home_code',
    'home_name',
    'visitor_points',
    'home_points',
    'overtimes',
    'attendance',
    'duration_minutes',
    'arena',
    'location',
    'remarks',
    'status',
    'game_type',
    'playoff_round',
    'box_score_path',
    'official_ids',
    'officials',
    'schedule_page',
    'has_box_score',
  ]);
  assert.deepEqual(columnNames('team_lines'), [
    'game_id',
    'team',
    'side',
    'opponent',
    'points',
    'record',
    ...BASIC_STATS,
    'ff_pace',
    'ff_efg_pct',
    'ff_tov_pct',
    'ff_orb_pct',
    'ff_ft_rate',
    'ff_off_rtg',
  ]);
  assert.deepEqual(columnNames('player_lines'), [
    'game_id',
    'team',
    'player_id',
    'name',
    'seq',
    'starter',
    'reason',
    ...BASIC_STATS,
    ...ADVANCED_STATS.map((s) => `adv_${s}`),
  ]);
  assert.equal(columnNames('player_lines').length, 7 + 21 + 16);
  assert.deepEqual(columnNames('line_scores'), ['game_id', 'team', 'period', 'label', 'points']);
  assert.deepEqual(columnNames('inactive_players'), ['game_id', 'team', 'player_id', 'name', 'seq']);
  assert.deepEqual(columnNames('player_season_totals'), [
    'season',
    'part',
    'player_id',
    'team',
    'name',
    'multi_team_summary',
    'age',
    'position',
    ...PLAYER_TOTALS_STATS,
    'awards',
  ]);
  for (const t of TABLE_NAMES) {
    const names = columnNames(t);
    assert.equal(new Set(names).size, names.length, `${t} has a duplicate column`);
    for (const k of [...TABLES[t].key, ...TABLES[t].orderBy]) assert.ok(names.includes(k), `${t}.${k}`);
  }
});

test('a schedule listing maps to every games column', () => {
  const g = januaryListings()[1]!;
  const row = gameRowFromSchedule(g, 'january');
  assert.deepEqual(keysOf(row), sorted(columnNames('games')));
  assert.deepEqual(rowValues('games', row), [
    '201801030NYK',
    2018,
    '2018-01-03',
    null,
    'SAS',
    'San Antonio Spurs',
    'NYK',
    'New York Knicks',
    91,
    100,
    0,
    18_000,
    null,
    'Madison Square Garden (IV)',
    null,
    'at "The Garden", New York',
    'final',
    null,
    null,
    '/boxscores/201801030NYK.html',
    null,
    null,
    'january',
    false,
  ]);
});

test('a box score maps to the games row, officials joined in page order', () => {
  const row = gameRowFromBoxScore(overtimeBoxScore());
  assert.deepEqual(rowValues('games', row), [
    '201801010TOR',
    2018,
    '2018-01-01',
    '19:30',
    'MIL',
    'Milwaukee Bucks',
    'TOR',
    'Toronto Raptors',
    127,
    131,
    1,
    19_800,
    164,
    'Air Canada Centre',
    'Toronto, Canada',
    null,
    'final',
    'regular',
    null,
    null,
    'brothto99r; kennebi99r; mottbr99r',
    'Tony Brothers; Bill Kennedy; Brett Nansel',
    null,
    true,
  ]);
  assert.equal(gameRowFromBoxScore(plainBoxScore()).officials, null);
});

test('merging: schedule columns from the schedule, box and shared columns from the box score', () => {
  const listing = { ...januaryListings()[0]!, attendance: 1, arena: 'Old name', gameType: null };
  const s = gameRowFromSchedule(listing, 'january');
  const b = gameRowFromBoxScore(overtimeBoxScore());
  const merged = mergeGameRows(s, b);
  assert.equal(merged.attendance, 19_800);
  assert.equal(merged.arena, 'Air Canada Centre');
  assert.equal(merged.game_type, 'regular');
  assert.equal(merged.location, 'Toronto, Canada');
  assert.equal(merged.box_score_path, '/boxscores/201801010TOR.html');
  assert.equal(merged.schedule_page, 'january');
  assert.equal(merged.has_box_score, true);
  assert.deepEqual(mergeGameRows(s, undefined), s);
  const onlyBox = mergeGameRows(undefined, b);
  assert.deepEqual(onlyBox, b);
  assert.equal(onlyBox.schedule_page, null);
  assert.deepEqual(keysOf(merged), sorted(columnNames('games')));
});

test('box score rows: one team line per side with totals and four factors', () => {
  const rows = boxScoreRows(overtimeBoxScore());
  assert.equal(rows.team_lines.length, 2);
  for (const r of rows.team_lines) assert.deepEqual(keysOf(r), sorted(columnNames('team_lines')));
  const [mil, tor] = rows.team_lines;
  assert.equal(mil!.team, 'MIL');
  assert.equal(mil!.side, 'visitor');
  assert.equal(mil!.opponent, 'TOR');
  assert.equal(mil!.points, 127);
  assert.equal(mil!.record, '19-16');
  assert.equal(mil!.mp, 15_900);
  assert.equal(mil!.pts, 127);
  assert.equal(mil!.game_score, null);
  assert.equal(mil!.ff_pace, 96.4);
  assert.equal(mil!.ff_off_rtg, 120.1);
  assert.equal(tor!.side, 'home');
  assert.equal(tor!.pts, 131);
  const plain = boxScoreRows(plainBoxScore());
  assert.equal(plain.team_lines[0]!.ff_pace, null);
  assert.equal(plain.team_lines[0]!.team, 'NYK');
});

test('box score rows: player lines keep page order, DNP lines have a reason and null stats', () => {
  const rows = boxScoreRows(overtimeBoxScore());
  assert.equal(rows.player_lines.length, 10);
  for (const r of rows.player_lines) assert.deepEqual(keysOf(r), sorted(columnNames('player_lines')));
  const tor = rows.player_lines.filter((r) => r.team === 'TOR');
  assert.deepEqual(
    tor.map((r) => [r.seq, r.player_id, r.starter]),
    [
      [1, 'derozde01', true],
      [2, 'lowryky01', true],
      [3, 'valanjo01', true],
      [4, 'vanvlfr01', false],
      [5, 'cabocbr01', false],
    ],
  );
  const derozan = tor[0]!;
  assert.equal(derozan.pts, 52);
  assert.equal(derozan.game_score, 41.3);
  assert.equal(derozan.fg_pct, 0.586);
  assert.equal(derozan.adv_mp, 2800);
  assert.equal(derozan.adv_usg_pct, 37.9);
  assert.equal(derozan.reason, null);
  assert.equal(tor[2]!.name, 'Jonas Valančiūnas');
  const caboclo = tor[4]!;
  assert.equal(caboclo.reason, 'Did Not Dress');
  for (const c of [...BASIC_STATS, ...ADVANCED_STATS.map((s) => `adv_${s}`)]) assert.equal(caboclo[c], null);
  // No advanced table: adv_ columns are null; a column the page lacks (game_score) is null too.
  const aldridge = boxScoreRows(plainBoxScore()).player_lines.find((r) => r.player_id === 'aldrila01')!;
  assert.equal(aldridge.adv_ts_pct, null);
  assert.equal(aldridge.game_score, null);
  assert.equal(aldridge.pts, 22);
});

test('box score rows: line score periods labelled Q1..Q4 then OT1, inactive players per team', () => {
  const rows = boxScoreRows(overtimeBoxScore());
  assert.deepEqual(
    rows.line_scores.filter((r) => r.team === 'TOR').map((r) => [r.period, r.label, r.points]),
    [
      [1, 'Q1', 27],
      [2, 'Q2', 33],
      [3, 'Q3', 25],
      [4, 'Q4', 32],
      [5, 'OT1', 14],
    ],
  );
  assert.equal(rows.line_scores.length, 10);
  assert.deepEqual(periodLabel(7), 'OT3');
  assert.deepEqual(
    rows.inactive_players.map((r) => rowValues('inactive_players', r)),
    [
      ['201801010TOR', 'MIL', 'parkeja01', 'Jabari Parker', 1],
      ['201801010TOR', 'MIL', 'henssjo01', 'John Henson', 2],
      ['201801010TOR', 'TOR', 'noguelu01', 'Lucas Nogueira', 1],
    ],
  );
});

test('box score rows are sorted by each table orderBy and a repeated player keeps one line', () => {
  const box = overtimeBoxScore();
  box.home.players.push({ ...box.home.players[0]!, name: 'Duplicate' });
  const rows = boxScoreRows(box);
  assert.equal(rows.player_lines.filter((r) => r.player_id === 'derozde01').length, 1);
  assert.equal(rows.player_lines.find((r) => r.player_id === 'derozde01')!.name, 'DeMar DeRozan');
  for (const t of ['team_lines', 'player_lines', 'line_scores', 'inactive_players'] as const) {
    const copy = [...rows[t]].reverse().sort(rowComparator(t));
    assert.deepEqual(copy, rows[t]);
  }
  // MIL sorts before TOR (team code order), whatever the side.
  assert.deepEqual(
    rows.team_lines.map((r) => r.team),
    ['MIL', 'TOR'],
  );
});

test('player totals rows: every column, key order, first row of a repeated key wins', () => {
  const input = seasonTotals();
  input.push({ ...input[0]!, name: 'Repeated' });
  const rows = playerTotalsRows(input);
  assert.equal(rows.length, 5);
  for (const r of rows) assert.deepEqual(keysOf(r), sorted(columnNames('player_season_totals')));
  assert.deepEqual(
    rows.map((r) => [r.part, r.player_id, r.team]),
    [
      ['playoffs', 'derozde01', 'TOR'],
      ['regular', 'bledser01', '2TM'],
      ['regular', 'bledser01', 'MIL'],
      ['regular', 'bledser01', 'PHO'],
      ['regular', 'derozde01', 'TOR'],
    ],
  );
  const derozan = rows[4]!;
  assert.equal(derozan.name, 'DeMar DeRozan');
  assert.equal(derozan.pts, 1_910);
  assert.equal(derozan.awards, 'AS,NBA2');
  assert.equal(derozan.orb, null);
  assert.equal(rows[1]!.multi_team_summary, true);
});

test('records rebuilt from rows map back to the same rows', () => {
  for (const box of [overtimeBoxScore(), plainBoxScore()]) {
    const rows = boxScoreRows(box);
    const rebuilt = boxScoreFromRows(gameRowFromBoxScore(box), rows);
    assert.deepEqual(boxScoreRows(rebuilt), rows);
    assert.deepEqual(gameRowFromBoxScore(rebuilt), gameRowFromBoxScore(box));
    assert.deepEqual(rebuilt.officials, box.officials);
    assert.deepEqual(rebuilt.home.lineScore, box.home.lineScore);
    assert.equal(rebuilt.home.players[4]?.basic ?? null, box.home.players[4]?.basic ?? null);
  }
  for (const g of januaryListings()) {
    assert.deepEqual(scheduleGameFromRow(gameRowFromSchedule(g, 'january')), g);
  }
  for (const row of playerTotalsRows(seasonTotals())) {
    assert.deepEqual(playerTotalsRows([playerTotalsFromRow(row)]), [row]);
  }
});
