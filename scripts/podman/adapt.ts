/**
 * The chart's rendered objects, made playable by `podman kube play` (podman 4.3). This is the
 * only place the rendered YAML is changed, and only where podman cannot do what Kubernetes does;
 * everything else (image, args, env from the ConfigMap, securityContext, volumes, resources,
 * labels) is played exactly as rendered:
 *
 * 1. **Controllers.** podman has no Deployment or Job controller: a Deployment becomes one Pod per
 *    replica named `<deployment>-<i>` from its pod template, a Job one Pod named after the Job;
 *    scaling, replacing a dead pod and waiting for a Job are done by the caller (chart-pods.ts).
 * 2. **Secret env.** podman 4.3 looks a `secretKeyRef` up in its own secret store and fails with
 *    "secret … is not valid JSON": the value is taken from the rendered Secret instead.
 * 3. **Ports and probes.** podman publishes every `containerPort` on the host (two replicas
 *    collide on 9464), cannot resolve a named probe port, and runs an `httpGet` probe with `curl`
 *    inside the container, which the image does not ship: the ports are dropped and each
 *    `httpGet` probe becomes an `exec` probe doing the same GET with the image's Node, same path,
 *    port, timeout, period and thresholds (written for podman's way of running it: one shell line).
 * 4. **Long annotations.** podman 4.3 refuses an annotation value over 63 characters (a limit
 *    Kubernetes sets on label values only): the pod template's `checksum/*` annotations, which
 *    only make Kubernetes roll the pods when the config changes, are left out.
 * 5. **Objects podman has no API for** (Service, ServiceAccount, PodDisruptionBudget,
 *    NetworkPolicy, CronJob, Secret, the dashboards' ConfigMaps, ...) are left out and listed.
 */
import type { K8sObject } from '../k8s/lib/render.ts';

// biome-ignore lint/suspicious/noExplicitAny: rendered manifests are arbitrary JSON
type Json = any;

export interface PodmanPlan {
  /** ConfigMaps the pods read (`envFrom`), played with them. */
  configMaps: K8sObject[];
  /** Deployments: name, rendered replicas, and the Pod of replica i. */
  deployments: Map<string, { replicas: number; pod(i: number): K8sObject }>;
  /** Jobs, as the Pod each would run. */
  jobs: Map<string, K8sObject>;
  /** `Kind/name` of every rendered object left out. */
  leftOut: string[];
}

/**
 * `node -e` doing the probe's GET: exit 0 on a 2xx answer within the timeout, 1 otherwise.
 * podman 4.3 runs an exec probe as one shell line (its words joined by spaces, then `sh -c`), so
 * the script is one single-quoted word with no single quote inside.
 */
export function httpGetProbeCommand(port: number, path: string, timeoutSeconds: number): string[] {
  const script =
    `fetch("http://127.0.0.1:${port}${path}",{signal:AbortSignal.timeout(${timeoutSeconds * 1000})})` +
    '.then(r=>process.exit(r.ok?0:1),()=>process.exit(1))';
  return ['node', '-e', `'${script}'`];
}

/** The shell line podman runs for an exec probe's command. */
export function probeShellLine(command: readonly string[]): string {
  return command.join(' ');
}

function adaptContainer(c: Json, secret: K8sObject | undefined): Json {
  const out = structuredClone(c);
  out.env = (c.env ?? []).map((e: Json) => {
    const ref = e.valueFrom?.secretKeyRef;
    if (!ref) return e;
    if (!secret || secret.metadata.name !== ref.name) {
      throw new Error(`container ${c.name}: env ${e.name} reads Secret ${ref.name}, which was not rendered`);
    }
    const value =
      secret.stringData?.[ref.key] ??
      (secret.data?.[ref.key] === undefined
        ? undefined
        : Buffer.from(secret.data[ref.key], 'base64').toString('utf8'));
    if (value === undefined) throw new Error(`Secret ${ref.name} has no key ${ref.key}`);
    return { name: e.name, value };
  });
  const ports = new Map<string, number>((c.ports ?? []).map((p: Json) => [p.name, p.containerPort]));
  for (const kind of ['startupProbe', 'livenessProbe', 'readinessProbe']) {
    const probe = c[kind];
    if (!probe?.httpGet) continue;
    const { path, port } = probe.httpGet;
    const number = typeof port === 'number' ? port : ports.get(port);
    if (number === undefined)
      throw new Error(`container ${c.name}: ${kind} names port ${port}, not declared`);
    const { httpGet: _, ...timing } = probe;
    out[kind] = {
      ...timing,
      exec: { command: httpGetProbeCommand(number, path, probe.timeoutSeconds ?? 1) },
    };
  }
  delete out.ports;
  return out;
}

function podOf(
  name: string,
  template: Json,
  secret: K8sObject | undefined,
  restartPolicy?: string,
): K8sObject {
  const spec = structuredClone(template.spec);
  spec.containers = spec.containers.map((c: Json) => adaptContainer(c, secret));
  if (spec.initContainers)
    spec.initContainers = spec.initContainers.map((c: Json) => adaptContainer(c, secret));
  if (restartPolicy) spec.restartPolicy = restartPolicy;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      labels: template.metadata?.labels ?? {},
      annotations: Object.fromEntries(
        Object.entries((template.metadata?.annotations ?? {}) as Record<string, string>).filter(
          ([key]) => !key.startsWith('checksum/'),
        ),
      ),
    },
    spec,
  };
}

export function adaptForPodman(objects: K8sObject[]): PodmanPlan {
  const secrets = objects.filter((o) => o.kind === 'Secret');
  const secretFor = (template: Json): K8sObject | undefined => {
    const names = new Set<string>();
    for (const c of template.spec.containers)
      for (const e of c.env ?? []) if (e.valueFrom?.secretKeyRef) names.add(e.valueFrom.secretKeyRef.name);
    if (names.size > 1) throw new Error(`a pod reads ${names.size} Secrets; one is supported`);
    const [name] = names;
    return secrets.find((s) => s.metadata.name === name);
  };
  const read = new Set<string>();
  const plan: PodmanPlan = { configMaps: [], deployments: new Map(), jobs: new Map(), leftOut: [] };
  for (const o of objects) {
    const spec = o.spec as Json;
    if (o.kind === 'Deployment') {
      const template = spec.template;
      const secret = secretFor(template);
      plan.deployments.set(o.metadata.name, {
        replicas: spec.replicas ?? 1,
        pod: (i) => podOf(`${o.metadata.name}-${i}`, template, secret),
      });
      for (const c of template.spec.containers)
        for (const f of c.envFrom ?? []) if (f.configMapRef) read.add(f.configMapRef.name);
    } else if (o.kind === 'Job') {
      const template = spec.template;
      plan.jobs.set(o.metadata.name, podOf(o.metadata.name, template, secretFor(template), 'Never'));
      for (const c of template.spec.containers)
        for (const f of c.envFrom ?? []) if (f.configMapRef) read.add(f.configMapRef.name);
    }
  }
  for (const o of objects) {
    if (o.kind === 'Deployment' || o.kind === 'Job') continue;
    if (o.kind === 'ConfigMap' && read.has(o.metadata.name)) plan.configMaps.push(o);
    else plan.leftOut.push(`${o.kind}/${o.metadata.name}`);
  }
  return plan;
}
