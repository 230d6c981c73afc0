// Read-only helpers over a list of rendered Kubernetes objects.

/** Kinds whose pods are expected to run until stopped (they get probes and traffic). */
const LONG_RUNNING = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet"]);

export const ref = (o) => `${o.kind}/${o.metadata?.name}`;
export const ns = (o) => o.metadata?.namespace ?? "";

/** The pod template of a workload, or undefined for anything else. */
export function podTemplate(o) {
  if (LONG_RUNNING.has(o.kind) || o.kind === "Job") return o.spec?.template;
  if (o.kind === "CronJob") return o.spec?.jobTemplate?.spec?.template;
  return undefined;
}

export const isLongRunning = (o) => LONG_RUNNING.has(o.kind);

/** Every workload with its pod template. */
export function workloads(objects) {
  return objects.filter((o) => podTemplate(o)).map((o) => ({ o, template: podTemplate(o) }));
}

/** Containers and init containers of a pod spec, each tagged with its kind of slot. */
export function containersOf(podSpec) {
  return [
    ...(podSpec?.initContainers ?? []).map((c) => ({ c, init: true })),
    ...(podSpec?.containers ?? []).map((c) => ({ c, init: false })),
  ];
}

/** Kubernetes label-selector semantics (matchLabels and matchExpressions). */
export function selects(selector, labels = {}) {
  if (!selector) return false;
  const byLabels = Object.entries(selector.matchLabels ?? {}).every(([k, v]) => labels[k] === v);
  const byExpressions = (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) => {
    switch (operator) {
      case "In": return key in labels && values.includes(labels[key]);
      case "NotIn": return !(key in labels) || !values.includes(labels[key]);
      case "Exists": return key in labels;
      case "DoesNotExist": return !(key in labels);
      default: return false;
    }
  });
  return byLabels && byExpressions;
}

/** Same as selects() for a Service's plain map selector. */
export const selectsMap = (map, labels) => map !== undefined && selects({ matchLabels: map }, labels);

export function find(objects, kind, name, namespace) {
  return objects.find((o) => o.kind === kind && o.metadata?.name === name && ns(o) === namespace);
}

/** The environment a container sees from ConfigMaps (envFrom) and literal env values. */
export function effectiveEnv(objects, container, namespace) {
  const env = {};
  for (const source of container.envFrom ?? []) {
    const cm = source.configMapRef && find(objects, "ConfigMap", source.configMapRef.name, namespace);
    Object.assign(env, cm?.data ?? {});
  }
  for (const e of container.env ?? []) {
    if (e.value !== undefined) env[e.name] = e.value;
  }
  return env;
}

/** CPU in millicores or memory in bytes from a Kubernetes quantity; NaN when unparsable. */
export function quantity(q) {
  const m = /^([0-9.]+)(m|k|Ki|M|Mi|G|Gi|T|Ti)?$/.exec(String(q));
  if (!m) return NaN;
  const scale = { m: 1e-3, k: 1e3, Ki: 1024, M: 1e6, Mi: 1024 ** 2, G: 1e9, Gi: 1024 ** 3, T: 1e12, Ti: 1024 ** 4 };
  return Number(m[1]) * (m[2] ? scale[m[2]] : 1);
}
