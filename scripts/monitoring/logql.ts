/**
 * LogQL syntax, checked by Grafana's own LogQL grammar (@grafana/lezer-logql, what Grafana's Loki
 * query editor parses with). Lezer parses anything: a query it cannot read comes back as a tree
 * with error nodes (`⚠`) where the grammar got stuck, so a query is valid when its tree has none.
 * Grafana variables must be substituted first (`[$__auto]` is not LogQL).
 */
import { parser } from '@grafana/lezer-logql';

export interface LogqlError {
  /** Offset of the error node in the query. */
  at: number;
  /** The query from there (at most 40 characters). */
  near: string;
}

/** The places where `query` is not LogQL; empty when it parses. */
export function logqlErrors(query: string): LogqlError[] {
  const errors: LogqlError[] = [];
  parser.parse(query).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push({ at: node.from, near: query.slice(node.from, node.from + 40) });
    },
  });
  return errors;
}
