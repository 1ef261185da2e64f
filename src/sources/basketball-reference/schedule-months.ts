/**
 * The month navigation of a schedule page (`div.filter > div > a[href$="_games-<slug>.html"]`) and
 * which month the page shows. The list is read from the page, never assumed: seasons start in
 * October, November (1999-00) or December (2011-12, 2020-21), and 2019-20 has the slugs
 * `october-2019` and `october-2020`.
 */
import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';
import type { ScheduleMonth } from '../../domain/season.ts';
import { cleanText } from './cells.ts';
import { monthPath, monthSlugFromPath, seasonFromPath, sitePath } from './urls.ts';

/** Every month page the navigation links for `season`, in the page's order, without duplicates. */
export function parseMonths(content: Cheerio<Element>, season: number): ScheduleMonth[] {
  const months: ScheduleMonth[] = [];
  const seen = new Set<string>();
  content.find('div.filter a[href]').each((_, a) => {
    const href = a.attribs.href ?? '';
    const slug = monthSlugFromPath(href);
    if (slug === undefined || seasonFromPath(href) !== season || seen.has(slug)) return;
    seen.add(slug);
    const label = cleanText(content.find(a).text()) || slug;
    months.push({ slug, label, path: sitePath(href) ?? monthPath(season, slug) });
  });
  return months;
}

/**
 * Slug of the month the page shows: the `div.current` link of the navigation (2018 and 2026
 * captures), else the month named by the table caption / heading (`April Schedule Table`,
 * `April Schedule`; 2024 captures have no `div.current`). When the name matches several months
 * (`October 2019`, `October 2020`), the year of the page's games decides. Null when the page does not say.
 */
export function currentMonth(
  content: Cheerio<Element>,
  months: readonly ScheduleMonth[],
  gameDates: readonly string[],
): string | null {
  const current = content.find('div.filter div.current a[href]').first().attr('href');
  const fromCurrent = current === undefined ? undefined : monthSlugFromPath(current);
  if (fromCurrent !== undefined && months.some((m) => m.slug === fromCurrent)) return fromCurrent;

  const caption = cleanText(content.find('table#schedule > caption').first().text());
  const heading = cleanText(content.find('#all_schedule h2').first().text());
  const named =
    /^([A-Za-z]+(?: \d{4})?) Schedule\b/.exec(caption) ?? /^([A-Za-z]+(?: \d{4})?) Schedule\b/.exec(heading);
  if (!named) return null;
  const label = named[1]!.toLowerCase();
  const candidates = months.filter(
    (m) =>
      m.label.toLowerCase() === label || m.slug === label.replace(' ', '-') || m.slug.startsWith(`${label}-`),
  );
  if (candidates.length === 1) return candidates[0]!.slug;
  const years = new Set(gameDates.map((d) => d.slice(0, 4)));
  const byYear = candidates.filter((m) => {
    const year = /-(\d{4})$/.exec(m.slug)?.[1];
    return year !== undefined && years.size === 1 && years.has(year);
  });
  return byYear.length === 1 ? byYear[0]!.slug : null;
}
