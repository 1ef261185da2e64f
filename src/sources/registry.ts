/**
 * The source sites this build knows. The queue code only sees the SourceSite interface; a new
 * site is a new module registered here.
 */
import { basketballReference } from './basketball-reference/index.ts';
import type { SourceSite } from './source.ts';

export const SOURCES: Readonly<Record<string, SourceSite>> = {
  [basketballReference.id]: basketballReference,
};

export const DEFAULT_SOURCE = basketballReference;
