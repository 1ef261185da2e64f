/** Small HTML helpers shared by the replay site's renderers. */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for element content and double-quoted attributes. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** `/players/h/hallfja01.html`. */
export function playerHref(id: string): string {
  return `/players/${id[0]}/${id}.html`;
}

/** `/teams/TOR/2018.html`. */
export function teamHref(code: string, season: number): string {
  return `/teams/${code}/${season}.html`;
}

/** `/boxscores/201801010TOR.html`. */
export function boxScoreHref(gameId: string): string {
  return `/boxscores/${gameId}.html`;
}

/** `7:30p` (schedule tables, 2024+ captures). */
export function shortTime(minutes: number): string {
  const h24 = Math.floor(minutes / 60);
  const h = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${h}:${String(minutes % 60).padStart(2, '0')}${h24 >= 12 ? 'p' : 'a'}`;
}

/** `7:30 PM` (box score meta). */
export function longTime(minutes: number): string {
  const h24 = Math.floor(minutes / 60);
  const h = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${h}:${String(minutes % 60).padStart(2, '0')} ${h24 >= 12 ? 'PM' : 'AM'}`;
}

/** `19:30` (domain records). */
export function isoTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** `2:12` from minutes. */
export function hoursMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
