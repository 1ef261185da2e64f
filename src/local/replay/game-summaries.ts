/**
 * `div.game_summary` blocks: the header's latest-scores menu and the (commented) "other games
 * this date" block of box score pages. Both list games that are not the page's subject, which is
 * why parsers must scope their selectors.
 */
import { boxScoreHref, esc, teamHref } from './html.ts';
import type { SeasonGame } from './season-model.ts';

export function renderGameSummary(game: SeasonGame, current: boolean, useCodes: boolean): string {
  const visitorWon = game.visitorPoints > game.homePoints;
  const label = (t: SeasonGame['home']): string => (useCodes ? t.code : t.name);
  const ot = game.overtimes === 0 ? '' : game.overtimes === 1 ? 'OT' : `${game.overtimes}OT`;
  const row = (
    team: SeasonGame['home'],
    pts: number,
    won: boolean,
    first: boolean,
  ): string => `		<tr class="${won ? 'winner' : 'loser'}">
			<td><a href="${teamHref(team.code, game.season)}">${esc(label(team))}</a></td>
			<td class="right">${pts}</td>
			${
        first
          ? `<td class="right gamelink">
				<a href="${boxScoreHref(game.gameId)}">F<span class="no_mobile">inal</span></a>
				
			</td>`
          : `<td class="right">&nbsp;${ot}
			</td>`
      }
		</tr>`;
  return `      <div class="game_summary nohover ${current ? 'current' : ''}">
	<table class="teams poptip" data-tip="${esc(`${game.visitor.name} at ${game.home.name}`)}">
		<tbody>       
${row(game.visitor, game.visitorPoints, visitorWon, true)}
${row(game.home, game.homePoints, !visitorWon, false)}
		</tbody>
	</table>
</div>
`;
}

/** The header menu's summaries: every game of the given list (already the latest day's). */
export function renderHeaderScores(games: readonly SeasonGame[]): string {
  return games.map((g) => renderGameSummary(g, false, false)).join('\n');
}
