/**
 * The chart's workloads as podman pods on this machine: `helm template` with your values, the
 * rendered objects made playable (adapt.ts, the one place they are changed), then
 * `podman kube play` per pod. podman has no controllers, so this plays their part: the
 * Deployment's replica count (`scale`), the Job's pod and its exit code, a probe run (`probe`).
 * Pods use slirp4netns networking with the host's loopback reachable as 10.0.2.2: Redis,
 * PostgreSQL and the source site you run on 127.0.0.1 are reachable from the pods, and every pod
 * has its own ports.
 *
 * Usage (the chart's values as for helm; the state of the last `up` is kept in .tmp/podman/):
 *   node scripts/podman/chart-pods.ts up -f scripts/podman/values.yaml [--set key=value ...]
 *   node scripts/podman/chart-pods.ts scale <replicas>        workers, like `kubectl scale`
 *   node scripts/podman/chart-pods.ts exec [<pod>] -- nba-scraper status
 *   node scripts/podman/chart-pods.ts down
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { stringify } from 'yaml';
import { helmTemplate, type K8sObject, type RenderOptions } from '../k8s/lib/render.ts';
import { adaptForPodman, type PodmanPlan, probeShellLine } from './adapt.ts';
import { PODMAN_DIR, podman, podmanRun } from './podman.ts';

/** Pods reach the host's 127.0.0.1 at 10.0.2.2 and have their own network namespace each. */
export const POD_NETWORK = 'slirp4netns:allow_host_loopback=true';
export const HOST_FROM_PODS = '10.0.2.2';
const STATE_FILE = join(PODMAN_DIR, 'release.json');

export interface ChartPodsState {
  release: string;
  render: RenderOptions;
}

// biome-ignore lint/suspicious/noExplicitAny: rendered manifests are arbitrary JSON
type Json = any;

export class ChartPods {
  readonly plan: PodmanPlan;
  readonly worker: string;
  readonly exporter: string | undefined;
  readonly producer: string | undefined;
  readonly state: ChartPodsState;

  constructor(state: ChartPodsState) {
    this.state = state;
    this.plan = adaptForPodman(helmTemplate({ ...state.render, release: state.release }));
    const names = [...this.plan.deployments.keys()];
    const worker = names.find((n) => n.endsWith('-worker'));
    if (!worker) throw new Error('the rendered chart has no worker Deployment');
    this.worker = worker;
    this.exporter = names.find((n) => n.endsWith('-exporter'));
    this.producer = [...this.plan.jobs.keys()][0];
  }

  /** `podman kube play` of one pod with the ConfigMaps it reads; the YAML is kept for reading. */
  play(pod: K8sObject): void {
    mkdirSync(PODMAN_DIR, { recursive: true });
    const file = join(PODMAN_DIR, `${pod.metadata.name}.yaml`);
    writeFileSync(file, [...this.plan.configMaps, pod].map((o) => stringify(o)).join('---\n'));
    podman(['kube', 'play', '--network', POD_NETWORK, file]);
  }

  /** Names of the running or stopped pods of a Deployment, by replica index. */
  pods(deployment = this.worker): string[] {
    const out = podman(['pod', 'ps', '--format', '{{.Name}}']);
    const re = new RegExp(`^${deployment}-(\\d+)$`);
    return out
      .split('\n')
      .filter((n) => re.test(n))
      .sort((a, b) => Number(re.exec(a)?.[1]) - Number(re.exec(b)?.[1]));
  }

  /** Container name of a pod's first container (podman names it `<pod>-<container>`). */
  container(pod: string): string {
    return `${pod}-${this.spec(pod).containers[0].name}`;
  }

  /** Like a ReplicaSet: adds replicas up to n (lowest free index first), stops the highest above. */
  scale(replicas: number, deployment = this.worker): void {
    const d = this.plan.deployments.get(deployment);
    if (!d) throw new Error(`no Deployment ${deployment}`);
    const have = this.pods(deployment);
    const grace = String(d.pod(0).spec.terminationGracePeriodSeconds ?? 30);
    for (const pod of have.slice(replicas)) this.stop(pod, grace);
    for (let i = 0, made = have.length; made < replicas; i++) {
      if (have.includes(`${deployment}-${i}`)) continue;
      this.play(d.pod(i));
      made++;
    }
  }

  /** SIGTERM, SIGKILL after the grace period (the pod's terminationGracePeriodSeconds), remove. */
  stop(pod: string, grace?: string): void {
    const g = grace ?? String(this.spec(pod).terminationGracePeriodSeconds ?? 30);
    podman(['pod', 'stop', '-t', g, pod], { timeoutMs: (Number(g) + 60) * 1000 });
    podman(['pod', 'rm', '-f', pod]);
  }

  /** A Pod's spec as played. */
  spec(pod: string): Json {
    for (const [name, d] of this.plan.deployments) {
      const m = new RegExp(`^${name}-(\\d+)$`).exec(pod);
      if (m) return d.pod(Number(m[1])).spec;
    }
    const job = this.plan.jobs.get(pod);
    if (!job) throw new Error(`no pod ${pod} in this release`);
    return job.spec;
  }

  /** Runs one of the container's probes (as adapted) inside it: true when it passes. */
  probe(pod: string, kind: 'startupProbe' | 'livenessProbe' | 'readinessProbe'): boolean {
    const probe = this.spec(pod).containers[0][kind];
    if (!probe?.exec) throw new Error(`pod ${pod} has no ${kind}`);
    const line = probeShellLine(probe.exec.command);
    return podmanRun(['exec', this.container(pod), '/bin/sh', '-c', line], { timeoutMs: 30_000 }).code === 0;
  }

  /** Runs the producer Job's pod and waits for it to exit; returns its exit code and logs. */
  async runJob(name = this.producer, timeoutMs = 300_000): Promise<{ exitCode: number; logs: string }> {
    const pod = name && this.plan.jobs.get(name);
    if (!pod || !name) throw new Error('the rendered chart has no producer Job (producer.job.enabled)');
    podmanRun(['pod', 'rm', '-f', name]); // the pod of an earlier run, as a Job re-created by name
    this.play(pod);
    const ctr = this.container(name);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [status, code] = podman(['inspect', ctr, '--format', '{{.State.Status}} {{.State.ExitCode}}'])
        .trim()
        .split(' ');
      if (status === 'exited') {
        const logs = podmanRun(['logs', ctr]);
        return { exitCode: Number(code), logs: logs.stderr + logs.stdout };
      }
      if (Date.now() > deadline) throw new Error(`Job ${name} still ${status} after ${timeoutMs} ms`);
      await sleep(500);
    }
  }

  /** `kubectl exec`: runs a command in a pod's container; returns its exit code and output. */
  exec(pod: string, command: string[]): { code: number | null; stdout: string; stderr: string } {
    return podmanRun(['exec', this.container(pod), ...command], { timeoutMs: 120_000 });
  }

  /** Removes every pod of the release (SIGTERM first, as `helm uninstall` would). */
  down(): void {
    const out = podman(['pod', 'ps', '--format', '{{.Name}}']);
    const ours = [...this.plan.deployments.keys(), ...this.plan.jobs.keys()];
    for (const pod of out.split('\n').filter(Boolean)) {
      if (ours.some((n) => pod === n || new RegExp(`^${n}-\\d+$`).test(pod))) {
        podmanRun(['pod', 'stop', '-t', '10', pod], { timeoutMs: 120_000 });
        podmanRun(['pod', 'rm', '-f', pod]);
      }
    }
  }

  /** The Deployments at their rendered replica counts (workers first reach Redis, then the exporter). */
  up(): void {
    for (const [name, d] of this.plan.deployments) this.scale(d.replicas, name);
  }
}

export function saveState(state: ChartPodsState): void {
  mkdirSync(PODMAN_DIR, { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state, null, 2));
}

export function loadState(): ChartPodsState {
  try {
    return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as ChartPodsState;
  } catch {
    throw new Error(`no release to act on (${STATE_FILE}): run \`up\` first`);
  }
}

function parseUpArgs(args: string[]): ChartPodsState {
  const render: RenderOptions = { valuesFiles: [], set: {} };
  let release = 'nba';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = args[i + 1];
    if ((a === '-f' || a === '--values') && v) render.valuesFiles?.push(v);
    else if (a === '--set' && v && v.includes('=')) {
      const at = v.indexOf('=');
      (render.set as Record<string, string>)[v.slice(0, at)] = v.slice(at + 1);
    } else if (a === '--release' && v) release = v;
    else throw new Error(`unknown or incomplete argument ${a}`);
    i++;
  }
  return { release, render };
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'up') {
    const state = parseUpArgs(rest);
    const pods = new ChartPods(state);
    saveState(state);
    pods.up();
    console.log(`pods of ${pods.worker} and the exporter started; left out: ${pods.plan.leftOut.join(', ')}`);
    if (pods.producer) {
      const job = await pods.runJob();
      process.stdout.write(job.logs);
      console.log(`${pods.producer} exited ${job.exitCode}`);
      if (job.exitCode !== 0) return 1;
    }
    return 0;
  }
  const pods = new ChartPods(loadState());
  if (command === 'scale' && rest.length === 1 && /^\d+$/.test(rest[0] ?? '')) {
    pods.scale(Number(rest[0]));
    console.log(`${pods.worker}: ${pods.pods().join(', ') || 'no pods'}`);
    return 0;
  }
  if (command === 'exec') {
    const dash = rest.indexOf('--');
    if (dash < 0 || dash === rest.length - 1) throw new Error('usage: exec [<pod>] -- <command ...>');
    const pod = dash === 1 ? (rest[0] as string) : pods.pods()[0];
    if (!pod) throw new Error(`no pod of ${pods.worker} is running`);
    const r = pods.exec(pod, rest.slice(dash + 1));
    process.stdout.write(r.stdout);
    process.stderr.write(r.stderr);
    return r.code ?? 1;
  }
  if (command === 'down') {
    pods.down();
    return 0;
  }
  throw new Error(
    'usage: chart-pods.ts up -f values.yaml [--set k=v ...] | scale <n> | exec [<pod>] -- <cmd> | down',
  );
}

if (import.meta.filename === process.argv[1]) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: Error) => {
      console.error(`chart-pods: ${err.message}`);
      process.exit(2);
    },
  );
}
