/**
 * Reads V8 CPU profiles (`node --cpu-prof` writes them) and prints where the time went: self time
 * by function and by module (package or project file), and inclusive time of chosen functions.
 *
 *   node bench/profile-summary.ts [--top 30] [--focus name,name] <file.cpuprofile> ...
 *
 * Several files are summed (e.g. one per worker process). Used to find what to optimise; see
 * BENCHMARKS.md, "What the profiles showed".
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, focus: { type: 'string', default: '' } },
});

/** Short module name: `pkg` for node_modules, `src/...` for project files, `(node)` for built-ins. */
function moduleOf(url: string): string {
  if (url === '') return '(native/vm)';
  if (url.startsWith('node:')) return `(node) ${url.slice(5)}`;
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 14).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const m = /\/(src|bench|test)\/(.*)$/.exec(url);
  return m ? `${m[1]}/${m[2]}` : url;
}

const selfByFn = new Map<string, number>();
const selfByModule = new Map<string, number>();
const inclusive = new Map<string, number>();
const focus = values.focus ? values.focus.split(',') : [];
let total = 0;

for (const file of positionals) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  for (const [i, id] of p.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  for (const [id, us] of selfUs) {
    const n = byId.get(id)!;
    const name = n.callFrame.functionName || '(anonymous)';
    if (name === '(idle)') continue;
    total += us;
    const mod = moduleOf(n.callFrame.url);
    const fnKey = `${name} ${mod}:${n.callFrame.lineNumber + 1}`;
    selfByFn.set(fnKey, (selfByFn.get(fnKey) ?? 0) + us);
    selfByModule.set(mod, (selfByModule.get(mod) ?? 0) + us);
    // Inclusive time of focused functions: count each sample once per focused name on its stack.
    if (focus.length > 0) {
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const fn = byId.get(cur)!.callFrame.functionName;
        for (const f of focus) if (fn === f && !seen.has(f)) seen.add(f);
      }
      for (const f of seen) inclusive.set(f, (inclusive.get(f) ?? 0) + us);
    }
  }
}

const top = Number(values.top);
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
const ms = (us: number) => `${(us / 1000).toFixed(0).padStart(7)} ms`;
console.log(`busy (non-idle) time: ${(total / 1e6).toFixed(2)} s in ${positionals.length} profile(s)\n`);
console.log('self time by module:');
for (const [k, v] of [...selfByModule].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(v)} ${ms(v)}  ${k}`);
console.log('\nself time by function:');
for (const [k, v] of [...selfByFn].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`${pct(v)} ${ms(v)}  ${k}`);
if (focus.length > 0) {
  console.log('\ninclusive time:');
  for (const f of focus) console.log(`${pct(inclusive.get(f) ?? 0)} ${ms(inclusive.get(f) ?? 0)}  ${f}`);
}
