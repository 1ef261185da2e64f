/**
 * What the box score page's heading (`<h1>`, else `<title>`) says about the game:
 * - `2018 NBA Finals Game 1: Cleveland Cavaliers at Golden State Warriors Box Score, May 31, 2018`
 *   and `2025 NBA Eastern Conference First Round Game 1: ...` -> playoffs, round label
 *   `Finals Game 1` / `Eastern Conference First Round Game 1` (BAA seasons: `1947 BAA ...`);
 * - `Play-In Game: Charlotte Hornets at Indiana Pacers Box Score, May 18, 2021` -> play-in;
 * - anything else (`Milwaukee Bucks at Toronto Raptors Box Score, January 1, 2018`, the NBA Cup
 *   final `NBA Cup Final: ...`, which does not count as a playoff game) -> regular.
 */
import type { GameType } from '../../domain/game.ts';
import { cleanText } from './cells.ts';

export interface GameHeading {
  gameType: GameType;
  playoffRound: string | null;
}

const PLAYOFF_PREFIX = /^\d{4} (?:NBA|BAA) (.+? Game \d+):\s/;
const PLAY_IN_PREFIX = /^[^:]*\bPlay-In\b[^:]*:\s/i;

export function parseGameHeading(heading: string): GameHeading {
  const text = cleanText(heading);
  const playoff = PLAYOFF_PREFIX.exec(text);
  if (playoff) return { gameType: 'playoffs', playoffRound: playoff[1]! };
  if (PLAY_IN_PREFIX.test(text)) return { gameType: 'play-in', playoffRound: null };
  return { gameType: 'regular', playoffRound: null };
}
