/**
 * Per-host request budgets (HOST_RATE_LIMITS, read by config.ts): `suffix=requestsPerMinute` entries. A host matches
 * an entry when it is the suffix or ends with `.suffix`, so `basketball-reference.com=20` covers
 * `www.basketball-reference.com`. Hosts that match nothing are not limited (the local replay site).
 */
export interface HostRule {
  /** Host suffix, lower case, with a port when one is given (`127.0.0.1:8080`). */
  suffix: string;
  requestsPerMinute: number;
}

export function parseHostRules(raw: string): HostRule[] {
  const rules: HostRule[] = [];
  for (const part of raw.split(',').map((p) => p.trim())) {
    if (part === '') continue;
    const m = /^([a-z0-9.-]+(?::\d+)?)=(\d+(?:\.\d+)?)$/i.exec(part);
    if (!m || Number(m[2]) <= 0) {
      throw new Error(`"${part}" is not host=requestsPerMinute (e.g. basketball-reference.com=20)`);
    }
    rules.push({ suffix: (m[1] as string).toLowerCase(), requestsPerMinute: Number(m[2]) });
  }
  return rules;
}

/** Requests per minute allowed to `host` (`host` or `host:port`), or null when unlimited. The most specific rule wins. */
export function budgetFor(host: string, rules: readonly HostRule[]): number | null {
  const h = host.toLowerCase();
  const hostOnly = h.replace(/:\d+$/, '');
  let best: HostRule | null = null;
  for (const r of rules) {
    const target = r.suffix.includes(':') ? h : hostOnly;
    if (target === r.suffix || target.endsWith(`.${r.suffix}`)) {
      if (!best || r.suffix.length > best.suffix.length) best = r;
    }
  }
  return best?.requestsPerMinute ?? null;
}
