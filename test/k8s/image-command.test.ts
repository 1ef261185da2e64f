/**
 * The container image without Docker: the Dockerfile's shape (multi-stage, production
 * dependencies only, Node 24 slim, non-root, exec-form entry point, OCI labels), then the same
 * install the image holds (the `npm pack` files plus `npm ci --omit=dev` from the lock file, in a
 * temporary directory) running exactly the Dockerfile's ENTRYPOINT + CMD against a real
 * redis-server until /readyz answers; the chart's probe routes answer on METRICS_PORT; SIGTERM
 * stops it cleanly; other roles run from the same install by their arguments.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { completeLockfile, platformOf } from '../../scripts/k8s/complete-lockfile.ts';
import {
  envOf,
  execForm,
  labelsOf,
  lastOf,
  parseDockerfile,
  type Stage,
} from '../../scripts/k8s/lib/dockerfile.ts';
import { find, helmTemplate } from '../../scripts/k8s/lib/render.ts';
import { REPO_ROOT, untar } from '../../scripts/k8s/tools.ts';
import { SETTINGS } from '../../src/config.ts';
import { freePort } from '../../src/local/processes/free-port.ts';
import { type LocalRedis, startLocalRedis } from '../../src/local/processes/local-redis.ts';

const dockerfile = parseDockerfile(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8'));
const runtime = dockerfile.stages.at(-1)!;
const stage = (name: string): Stage => {
  const s = dockerfile.stages.find((x) => x.name === name);
  assert.ok(s, `stage ${name}`);
  return s;
};
const PACKAGE_VERSION = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
/** Node 24 first on the PATH: `node` in the entry point is the image's Node major. */
const PATH = [dirname(process.execPath), process.env.PATH ?? ''].join(delimiter);

describe('Dockerfile', () => {
  test('multi-stage: build with dev dependencies, install production ones, run on Node 24 slim', () => {
    assert.equal(dockerfile.globalArgs.NODE_IMAGE, 'node:24-bookworm-slim');
    assert.deepEqual(
      dockerfile.stages.map((s) => [s.name, s.from]),
      [
        ['build', 'node:24-bookworm-slim'],
        ['install', 'node:24-bookworm-slim'],
        ['runtime', 'node:24-bookworm-slim'],
      ],
    );
    const runs = (s: Stage): string =>
      s.instructions
        .filter((i) => i.keyword === 'RUN')
        .map((i) => i.args)
        .join('\n');
    assert.match(runs(stage('build')), /npm ci .*--ignore-scripts/);
    assert.match(runs(stage('build')), /npm run build/);
    assert.match(runs(stage('build')), /npm pack/);
    assert.match(runs(stage('install')), /npm ci --omit=dev/);
    assert.doesNotMatch(runs(runtime), /npm (ci|install)/, 'nothing is installed in the runtime stage');
    const copies = runtime.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    assert.deepEqual(copies, ['--from=install --chown=root:root /app /app']);
  });

  test('non-root numeric user, exec-form entry point (node is PID 1 and gets SIGTERM), OCI labels', () => {
    const user = lastOf(runtime, 'USER')?.args;
    assert.match(user ?? '', /^[1-9][0-9]*:[1-9][0-9]*$/);
    const entry = execForm(lastOf(runtime, 'ENTRYPOINT'));
    assert.equal(entry[0], 'node');
    assert.equal(entry.at(-1), '/app/dist/cli/main.js');
    assert.deepEqual(execForm(lastOf(runtime, 'CMD')), ['worker']);
    assert.equal(envOf(runtime).NODE_ENV, 'production');
    const labels = labelsOf(runtime);
    for (const l of ['title', 'description', 'version', 'revision', 'created', 'source', 'licenses']) {
      assert.ok(labels[`org.opencontainers.image.${l}`], `label org.opencontainers.image.${l}`);
    }
    assert.equal(lastOf(runtime, 'EXPOSE')?.args, String(SETTINGS.metricsPort.default));
  });

  test('.dockerignore lets in only what the build copies', () => {
    const lines = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    assert.equal(lines[0], '*');
    const copied = dockerfile.stages
      .flatMap((s) => s.instructions)
      .filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'))
      .flatMap((i) => i.args.split(' ').slice(0, -1))
      .filter((a) => !a.startsWith('--'));
    for (const c of copied) assert.ok(lines.includes(`!${c}`) || lines.includes(`!${c}/`), `${c} is let in`);
  });
});

describe('package-lock.json', () => {
  test('has an entry for every per-platform optional package, so `npm ci` accepts it', () => {
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8'));
    assert.deepEqual(completeLockfile(lock), [], 'run node scripts/k8s/complete-lockfile.ts');
    assert.deepEqual(platformOf('@biomejs/cli-linux-x64-musl'), {
      os: ['linux'],
      cpu: ['x64'],
      libc: ['musl'],
    });
    assert.deepEqual(platformOf('@msgpackr-extract/msgpackr-extract-darwin-arm64'), {
      os: ['darwin'],
      cpu: ['arm64'],
    });
    assert.equal(platformOf('bullmq'), null);
  });
});

describe('the image command on a production-only install', () => {
  let work: string;
  let app: string;
  let redis: LocalRedis;
  const children: ChildProcess[] = [];

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'nba-image-'));
    const workdir = lastOf(runtime, 'WORKDIR')?.args;
    assert.equal(workdir, '/app');
    app = join(work, 'app');
    mkdirSync(app);
    // npm test builds first (setup.sh); a run of this file alone rebuilds a missing or stale dist/.
    if (distIsStale()) {
      execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
        cwd: REPO_ROOT,
      });
    }
    // What the build stage does: npm pack (package.json "files"); what the install stage does:
    // unpack it, add the lock file, npm ci --omit=dev.
    const packed = JSON.parse(
      execFileSync(
        'npm',
        ['pack', '--json', '--ignore-scripts', '--pack-destination', work, '--loglevel=error'],
        {
          cwd: REPO_ROOT,
          encoding: 'utf8',
          env: { ...process.env, PATH },
        },
      ),
    ) as { filename: string }[];
    for (const [path, data] of untar(gunzipSync(readFileSync(join(work, packed[0]!.filename))))) {
      const dest = join(app, path.replace(/^package\//, ''));
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, data);
    }
    cpSync(join(REPO_ROOT, 'package-lock.json'), join(app, 'package-lock.json'));
    const ci = spawnSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, PATH },
    });
    assert.equal(ci.status, 0, `npm ci --omit=dev: ${ci.stderr}`);
    redis = await startLocalRedis();
  });

  after(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    await redis?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** The image's environment: the Dockerfile's ENV, then what a deployment sets. */
  const imageEnv = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    PATH,
    HOME: work,
    TMPDIR: join(work, 'tmp'),
    ...envOf(runtime),
    REDIS_URL: redis.url,
    STORE_URL: `file://${join(work, 'data')}`,
    LOG_LEVEL: 'info',
    ...extra,
  });

  /** ENTRYPOINT + args, with the image's WORKDIR (/app) mapped to the install. */
  const command = (args: string[]): [string, string[]] => {
    const argv = [...execForm(lastOf(runtime, 'ENTRYPOINT')), ...args].map((a) =>
      a.replace(/^\/app(?=\/|$)/, app),
    );
    return [argv[0]!, argv.slice(1)];
  };

  test('the install holds production dependencies only', () => {
    const mods = readdirSync(join(app, 'node_modules'));
    for (const dep of ['bullmq', 'ioredis', 'pg', 'prom-client']) assert.ok(mods.includes(dep), dep);
    for (const dev of ['typescript', '@biomejs', 'dependency-cruiser', 'node', 'yaml', 'kubernetes-models']) {
      assert.ok(!mods.includes(dev), `${dev} is a dev dependency`);
    }
    assert.ok(existsSync(join(app, 'dist', 'cli', 'main.js')));
    assert.ok(!existsSync(join(app, 'src')), 'sources are not shipped');
    assert.ok(
      !existsSync(join(app, 'dist', 'local')),
      'the local harness (replay site, demo) is not shipped',
    );
  });

  test('ENTRYPOINT + CMD starts a worker that gets ready, answers the chart probes, and stops on SIGTERM', async () => {
    mkdirSync(join(work, 'tmp'), { recursive: true });
    const port = await freePort();
    const before = snapshot(app);
    const [cmd, args] = command(execForm(lastOf(runtime, 'CMD')));
    const child = spawn(cmd, args, {
      cwd: app,
      env: imageEnv({ METRICS_HOST: '127.0.0.1', METRICS_PORT: String(port) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      out += d.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 30_000;
    let ready = 0;
    while (Date.now() < deadline && child.exitCode === null) {
      ready = await fetch(`${base}/readyz`).then(
        (r) => r.status,
        () => 0,
      );
      if (ready === 200) break;
      await sleep(200);
    }
    assert.equal(ready, 200, `/readyz did not answer 200 within 30 s; output:\n${out.slice(-3000)}`);

    // The probes the chart gives the worker, on the port it names.
    const worker = find(helmTemplate(), 'Deployment', 'nba-scraper-worker').spec.template.spec.containers[0];
    const probes = [worker.startupProbe, worker.livenessProbe, worker.readinessProbe];
    for (const p of probes) {
      assert.equal(p.httpGet.port, 'metrics');
      const res = await fetch(`${base}${p.httpGet.path}`);
      assert.equal(res.status, 200, `${p.httpGet.path}`);
    }
    const metrics = await (await fetch(`${base}/metrics`)).text();
    assert.match(metrics, /^nba_scraper_/m);

    const lines = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg?: string });
    assert.ok(
      lines.some((l) => l.msg === 'worker started'),
      'a JSON log line says the worker started',
    );

    const t0 = Date.now();
    child.kill('SIGTERM');
    const code = await exited;
    assert.equal(code, 0, `exit code after SIGTERM; output:\n${out.slice(-2000)}`);
    assert.ok(Date.now() - t0 < SETTINGS.shutdownBudgetMs.default, 'stopped within the shutdown budget');
    assert.deepEqual(snapshot(app), before, 'nothing was written into the image directory');
  });

  test('other roles run from the same install by their arguments', () => {
    const run = (args: string[]): { code: number | null; out: string } => {
      const [cmd, argv] = command(args);
      const r = spawnSync(cmd, argv, {
        cwd: app,
        env: imageEnv({ METRICS_PORT: '-1' }),
        encoding: 'utf8',
        timeout: 30_000,
      });
      return { code: r.status, out: `${r.stdout}${r.stderr}` };
    };
    const help = run(['--help']);
    assert.equal(help.code, 0, help.out);
    for (const c of ['worker', 'enqueue', 'status', 'export'])
      assert.match(help.out, new RegExp(`\\b${c}\\b`));
    const version = run(['--version']);
    assert.equal(version.code, 0, version.out);
    assert.equal(version.out.trim(), PACKAGE_VERSION, 'the installed build reports its package.json version');
    const status = run(['status']);
    assert.equal(status.code, 0, status.out);
    const enqueue = run(['enqueue', 'not-a-season']);
    assert.equal(enqueue.code, 2, `bad input exits 2: ${enqueue.out}`);
    for (const harness of [['demo'], ['site']]) {
      const r = run(harness);
      assert.equal(r.code, 2, `${harness[0]} without the harness exits 2: ${r.out}`);
      assert.match(r.out, /needs the local harness, which this install does not ship/);
    }
  });
});

/** True when dist/ is missing or older than a file of src/. */
function distIsStale(): boolean {
  const entry = join(REPO_ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(entry)) return true;
  const built = statSync(entry).mtimeMs;
  return readdirSync(join(REPO_ROOT, 'src'), { recursive: true, withFileTypes: true }).some(
    (d) => d.isFile() && statSync(join(d.parentPath, d.name)).mtimeMs > built,
  );
}

/** Paths and sizes under a directory (to prove the process wrote nothing there). */
function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => {
      const p = join(d.parentPath, d.name);
      return `${p.slice(dir.length)} ${statSync(p).size}`;
    })
    .sort();
}
