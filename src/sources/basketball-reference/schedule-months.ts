/**
 * The month navigation of a schedule page (`div.filter > div > a[href$="_games-<slug>.html"]`) and
 * which month the page shows. The list is read from the page, never assumed: seasons start in
 * October, November (1999-00) or December (2011-12, 2020-21), and 2019-20 has the slugs
 * `october-2019` and `october-2020`.
 */
import type { ScheduleMonth } from '../../domain/season.ts';
import { cleanText } from './cells.ts';
import { childElement, type Element, is, type Match, select, selectFirst, textOf, withId } from './dom.ts';
import { monthPath, monthSlugFromPath, seasonFromPath, sitePath } from './urls.ts';

/** Every month page the navigation links for `season`, in the page's order, without duplicates. */
export function parseMonths(content: Element, season: number): ScheduleMonth[] {
  const months: ScheduleMonth[] = [];
  const seen = new Set<string>();
  for (const a of monthLinks(content)) {
    const href = a.attribs.href ?? '';
    const slug = monthSlugFromPath(href);
    if (slug === undefined || seasonFromPath(href) !== season || seen.has(slug)) continue;
    seen.add(slug);
    const label = cleanText(textOf(a)) || slug;
    months.push({ slug, label, path: sitePath(href) ?? monthPath(season, slug) });
  }
  return months;
}

const LINK: Match = (el) => el.name === 'a' && el.attribs.href !== undefined;

/** The links of the month navigation (`div.filter a[href]`), in document order. */
export function monthLinks(content: Element): Element[] {
  return select(content, is('div', 'filter'), LINK);
}

/** The `href` of the navigation's current month link (`div.filter div.current a[href]`), if any. */
export function currentMonthHref(content: Element): string | undefined {
  return selectFirst(content, is('div', 'filter'), is('div', 'current'), LINK)?.attribs.href;
}

/** The raw text of the schedule table's caption (`table#schedule > caption`), '' when none. */
export function scheduleCaption(content: Element): string {
  for (const table of select(content, withId('table', 'schedule'))) {
    const caption = childElement(table, is('caption'));
    if (caption) return textOf(caption);
  }
  return '';
}

/** The raw text of the schedule heading (`#all_schedule h2`), '' when none. */
export function scheduleHeading(content: Element): string {
  return textOf(selectFirst(content, withId('*', 'all_schedule'), is('h2')));
}

/**
 * Slug of the month the page shows: the `div.current` link of the navigation (2018 and 2026
 * captures), else the month named by the table caption / heading (`April Schedule Table`,
 * `April Schedule`; 2024 captures have no `div.current`). When the name matches several months
 * (`October 2019`, `October 2020`), the year of the page's games decides. Null when the page does not say.
 */
export function currentMonth(
  content: Element,
  months: readonly ScheduleMonth[],
  gameDates: readonly string[],
): string | null {
  const current = currentMonthHref(content);
  const fromCurrent = current === undefined ? undefined : monthSlugFromPath(current);
  if (fromCurrent !== undefined && months.some((m) => m.slug === fromCurrent)) return fromCurrent;

  const caption = cleanText(scheduleCaption(content));
  const heading = cleanText(scheduleHeading(content));
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
