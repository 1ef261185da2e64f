/**
 * Renders a QueueStatus as the text `nba-scraper status` prints.
 */
import { seasonLabel } from '../domain/season-range.ts';
import type { QueueStatus, SeasonStatus } from '../queue/status.ts';

export function statusText(s: QueueStatus): string {
  const lines: string[] = [];
  lines.push(`queue ${s.queue}${s.paused ? ' (PAUSED)' : ''}`);
  lines.push(
    `  jobs: ${Object.entries(s.counts)
      .map(([state, n]) => `${state} ${n}`)
      .join(', ')}`,
  );
  if (s.seasons.length === 0) lines.push('  no season enqueued (nba-scraper enqueue 2018)');
  else {
    lines.push('  seasons:');
    for (const season of s.seasons) lines.push(`    ${seasonLine(season)}`);
  }
  if (s.failures.length > 0) {
    lines.push('  failed for good, by error code (nba-scraper retry-failed re-drives them):');
    for (const f of s.failures) lines.push(`    ${f.code} x${f.count}  e.g. ${f.sample.slice(0, 160)}`);
  }
  return lines.join('\n');
}

export function seasonLine(s: SeasonStatus): string {
  const pages = `schedule ${s.pagesDone}/${s.pagesTotal} pages`;
  const box = `box scores ${s.boxScoresDone}/${s.boxScores}${s.boxScoresFailed ? ` (${s.boxScoresFailed} failed)` : ''}`;
  const other = s.otherJobsFailed ? `, ${s.otherJobsFailed} other job(s) failed` : '';
  const eta = s.etaSeconds !== null ? `, ETA ${formatDuration(s.etaSeconds)}` : '';
  const why = s.failedReason ? ` - ${s.failedReason}` : '';
  return `${s.season} (${seasonLabel(s.season)}) ${s.state}: ${pages}, ${s.games} games, ${box}${other}${eta}${why}`;
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}
