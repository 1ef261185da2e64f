/**
 * A small Dockerfile reader, pure: stages and their instructions, with line continuations,
 * comments and the exec (JSON) form of ENTRYPOINT / CMD. Enough for tests to use exactly the
 * image's command without Docker.
 */

export interface Instruction {
  /** Upper-case keyword: FROM, RUN, COPY, ENV, ... */
  readonly keyword: string;
  /** The rest of the instruction, continuation lines joined. */
  readonly args: string;
}

export interface Stage {
  readonly from: string;
  readonly name: string | null;
  readonly instructions: readonly Instruction[];
}

export interface Dockerfile {
  /** ARGs before the first FROM, with their defaults. */
  readonly globalArgs: Readonly<Record<string, string>>;
  readonly stages: readonly Stage[];
}

export function parseDockerfile(text: string): Dockerfile {
  const logical: string[] = [];
  let current = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (current === '' && /^\s*#/.test(line)) continue; // comments (and parser directives)
    if (current !== '' && /^\s*#/.test(line)) continue; // comments inside a continued instruction
    if (/\\\s*$/.test(line)) {
      current += `${line.replace(/\\\s*$/, '')} `;
      continue;
    }
    current += line;
    if (current.trim() !== '') logical.push(current.trim());
    current = '';
  }
  if (current.trim() !== '') logical.push(current.trim());

  const globalArgs: Record<string, string> = {};
  const stages: { from: string; name: string | null; instructions: Instruction[] }[] = [];
  for (const l of logical) {
    const m = /^(\S+)\s*(.*)$/s.exec(l);
    if (!m) continue;
    const keyword = m[1]!.toUpperCase();
    const args = m[2]!.replace(/\s+/g, ' ').trim();
    if (keyword === 'FROM') {
      const f = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (!f) throw new Error(`cannot read FROM ${args}`);
      const from = f[1]!.replace(/\$\{?(\w+)\}?/g, (_, name: string) => globalArgs[name] ?? `$${name}`);
      stages.push({ from, name: f[2] ?? null, instructions: [] });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) {
      if (keyword === 'ARG') {
        const a = /^(\w+)(?:=(.*))?$/.exec(args);
        if (a) globalArgs[a[1]!] = a[2] ?? '';
      }
      continue;
    }
    stage.instructions.push({ keyword, args });
  }
  return { globalArgs, stages };
}

/** The last instruction of a keyword in a stage, or undefined. */
export function lastOf(stage: Stage, keyword: string): Instruction | undefined {
  return stage.instructions.filter((i) => i.keyword === keyword).at(-1);
}

/** ENTRYPOINT / CMD in exec form (a JSON array); throws on the shell form. */
export function execForm(i: Instruction | undefined): string[] {
  if (!i) return [];
  if (!i.args.startsWith('['))
    throw new Error(`${i.keyword} is in shell form (${i.args}): signals would go to /bin/sh`);
  const list = JSON.parse(i.args) as unknown;
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
    throw new Error(`${i.keyword} is not a string array`);
  return list as string[];
}

/** Every ENV of a stage, in order (`ENV A=1 B="two words"` and the legacy `ENV A 1`). */
export function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of stage.instructions.filter((x) => x.keyword === 'ENV')) {
    if (!i.args.includes('=')) {
      const [k, ...rest] = i.args.split(' ');
      env[k!] = rest.join(' ');
      continue;
    }
    for (const m of i.args.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
      const v = m[2]!;
      env[m[1]!] = v.startsWith('"') ? (JSON.parse(v) as string) : v;
    }
  }
  return env;
}

/** The image's labels (LABEL k=v ...). */
export function labelsOf(stage: Stage): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const i of stage.instructions.filter((x) => x.keyword === 'LABEL')) {
    for (const m of i.args.matchAll(/([\w.-]+)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
      const v = m[2]!;
      labels[m[1]!] = v.startsWith('"') ? (JSON.parse(v) as string) : v;
    }
  }
  return labels;
}
