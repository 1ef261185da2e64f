/**
 * The league's divisions, season by season, as the standings tables list them: two per
 * conference (Atlantic, Central; Midwest, Pacific) until 2003-04, three per conference
 * (Atlantic, Central, Southeast; Northwest, Pacific, Southwest) from 2004-05 on, with each
 * franchise where it really played (Toronto and the Charlotte / New Orleans Hornets in the
 * Central, Seattle in the Pacific before the realignment).
 */
import type { Conference, SeasonTeam } from './teams.ts';

type Divisions = ReadonlyArray<readonly [name: string, conference: Conference, franchises: string]>;

const BEFORE_2005: Divisions = [
  ['Atlantic', 'E', 'BOS BRK MIA NYK ORL PHI WAS'],
  ['Central', 'E', 'ATL CHI CHO CLE DET IND MIL NOP TOR'],
  ['Midwest', 'W', 'DAL DEN HOU MEM MIN SAS UTA'],
  ['Pacific', 'W', 'GSW LAC LAL OKC PHO POR SAC'],
];

const FROM_2005: Divisions = [
  ['Atlantic', 'E', 'BOS BRK NYK PHI TOR'],
  ['Central', 'E', 'CHI CLE DET IND MIL'],
  ['Southeast', 'E', 'ATL CHO MIA ORL WAS'],
  ['Northwest', 'W', 'DEN MIN OKC POR UTA'],
  ['Pacific', 'W', 'GSW LAC LAL PHO SAC'],
  ['Southwest', 'W', 'DAL HOU MEM NOP SAS'],
];

export interface Division {
  /** `Atlantic Division`. */
  name: string;
  conference: Conference;
  teams: SeasonTeam[];
}

/** The season's divisions in the page's order (East first), each with its teams. */
export function divisionsOf(season: number, teams: readonly SeasonTeam[]): Division[] {
  return (season < 2005 ? BEFORE_2005 : FROM_2005).map(([name, conference, franchises]) => ({
    name: `${name} Division`,
    conference,
    teams: teams.filter((t) => franchises.split(' ').includes(t.franchise)),
  }));
}

/** `Eastern Conference`, `Western Conference`. */
export function conferenceName(conference: Conference): string {
  return conference === 'E' ? 'Eastern Conference' : 'Western Conference';
}
