// House rules for the rendered manifests, on top of schema validity. Each rule has a stable id
// that the failure lines print, so a CI log says which rule broke and where.
import {
  containersOf, effectiveEnv, find, isLongRunning, ns, quantity, ref, selects, selectsMap, workloads,
} from "./objects.mjs";

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEYS?|CREDENTIALS?|PRIVATE_?KEY)/i;
const URL_WITH_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:[^/\s@]+@/i;
const DEV_ONLY_LABEL = "creditgate.io/dev-only";

/** Calls fn for every container of every workload with the context the rules need. */
function eachContainer(objects, fn) {
  const problems = [];
  for (const { o, template } of workloads(objects)) {
    for (const { c, init } of containersOf(template.spec)) {
      const where = `${ref(o)} container ${c.name}`;
      for (const message of fn({ o, spec: template.spec, c, init }) ?? []) problems.push({ ref: where, message });
    }
  }
  return problems;
}

const probes = {
  id: "probes",
  description: "long-running containers have liveness and readiness probes",
  check: (objects) => eachContainer(objects, ({ o, c, init }) => [
    ...(!init && isLongRunning(o) && !c.livenessProbe ? ["no livenessProbe"] : []),
    ...(!init && isLongRunning(o) && !c.readinessProbe ? ["no readinessProbe"] : []),
  ]),
};

const resources = {
  id: "resources",
  description: "every container requests and limits cpu and memory, requests <= limits",
  check: (objects) => eachContainer(objects, ({ c }) => {
    const out = [];
    for (const resource of ["cpu", "memory"]) {
      const request = c.resources?.requests?.[resource];
      const limit = c.resources?.limits?.[resource];
      if (request === undefined) out.push(`no ${resource} request`);
      if (limit === undefined) out.push(`no ${resource} limit`);
      if (request !== undefined && limit !== undefined && quantity(request) > quantity(limit)) {
        out.push(`${resource} request ${request} exceeds limit ${limit}`);
      }
    }
    return out;
  }),
};

const security = {
  id: "security",
  description: "non-root, read-only root fs, no privilege escalation, drop ALL, seccomp RuntimeDefault",
  check: (objects) => eachContainer(objects, ({ spec, c }) => {
    const pod = spec.securityContext ?? {};
    const sc = c.securityContext ?? {};
    const out = [];
    if ((sc.runAsNonRoot ?? pod.runAsNonRoot) !== true) out.push("runAsNonRoot is not true");
    if ((sc.runAsUser ?? pod.runAsUser) === 0) out.push("runAsUser is 0");
    if (sc.readOnlyRootFilesystem !== true) out.push("readOnlyRootFilesystem is not true");
    if (sc.allowPrivilegeEscalation !== false) out.push("allowPrivilegeEscalation is not false");
    if (sc.privileged === true) out.push("privileged");
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) out.push("capabilities do not drop ALL");
    if ((sc.capabilities?.add ?? []).length > 0) out.push(`adds capabilities ${sc.capabilities.add}`);
    const seccomp = (sc.seccompProfile ?? pod.seccompProfile)?.type;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") out.push("seccompProfile is not RuntimeDefault");
    return out;
  }),
};

const imageTag = {
  id: "image-tag",
  description: "images are pinned by tag or digest, never latest",
  check: (objects) => eachContainer(objects, ({ c }) => {
    const image = c.image ?? "";
    if (image.includes("@sha256:")) return [];
    const lastSegment = image.slice(image.lastIndexOf("/") + 1);
    const tag = lastSegment.includes(":") ? lastSegment.slice(lastSegment.indexOf(":") + 1) : "";
    if (tag === "") return [`image ${image} has no tag (means latest)`];
    if (tag === "latest") return [`image ${image} uses the latest tag`];
    return [];
  }),
};

function plaintextSecretsIn(entries) {
  const out = [];
  for (const [name, value] of entries) {
    if (SECRET_NAME.test(name) && !name.endsWith("_FILE") && value !== "") {
      out.push(`${name} carries a literal value; reference a Secret instead`);
    } else if (URL_WITH_PASSWORD.test(String(value))) {
      out.push(`${name} embeds a password in a URL`);
    }
  }
  return out;
}

const plaintextSecret = {
  id: "plaintext-secret",
  description: "no secret values in env literals or ConfigMaps",
  check: (objects) => [
    ...eachContainer(objects, ({ c }) =>
      plaintextSecretsIn((c.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value]))),
    ...objects.filter((o) => o.kind === "ConfigMap").flatMap((o) =>
      plaintextSecretsIn(Object.entries(o.data ?? {})).map((message) => ({ ref: ref(o), message }))),
  ],
};

const committedSecret = {
  id: "committed-secret",
  description: `Secret objects exist only as ${DEV_ONLY_LABEL}=true in a *-dev namespace`,
  check: (objects) => objects.filter((o) => o.kind === "Secret").flatMap((o) => {
    if (o.metadata?.labels?.[DEV_ONLY_LABEL] !== "true") {
      return [{ ref: ref(o), message: `committed Secret without ${DEV_ONLY_LABEL}: "true"` }];
    }
    if (!ns(o).endsWith("-dev")) {
      return [{ ref: ref(o), message: `dev-only Secret rendered into namespace "${ns(o)}"` }];
    }
    return [];
  }),
};

const rollout = {
  id: "rollout",
  description: "Deployments roll with maxUnavailable 0",
  check: (objects) => objects.filter((o) => o.kind === "Deployment").flatMap((o) => {
    const strategy = o.spec?.strategy ?? {};
    const maxUnavailable = strategy.rollingUpdate?.maxUnavailable;
    const ok = (strategy.type ?? "RollingUpdate") === "RollingUpdate" && [0, "0", "0%"].includes(maxUnavailable);
    return ok ? [] : [{ ref: ref(o), message: "strategy must be RollingUpdate with maxUnavailable: 0" }];
  }),
};

const shutdown = {
  id: "shutdown",
  description: "terminationGracePeriodSeconds > preStop sleep + SHUTDOWN_DRAIN_DELAY_MILLIS + SHUTDOWN_GRACE_MILLIS",
  check: (objects) => eachContainer(objects, ({ o, spec, c, init }) => {
    const env = effectiveEnv(objects, c, ns(o));
    if (init || env.SHUTDOWN_GRACE_MILLIS === undefined) return [];
    const graceSeconds = spec.terminationGracePeriodSeconds ?? 30;
    // The gateway's default drain window (readiness DRAINING while serving) when the env does not set one.
    const drainSeconds = Math.ceil(Number(env.SHUTDOWN_GRACE_MILLIS) / 1000)
      + Math.ceil(Number(env.SHUTDOWN_DRAIN_DELAY_MILLIS ?? 5000) / 1000);
    const preStopSeconds = c.lifecycle?.preStop?.sleep?.seconds ?? 0;
    const out = [];
    if (Number.isNaN(drainSeconds)) {
      out.push(`SHUTDOWN_GRACE_MILLIS or SHUTDOWN_DRAIN_DELAY_MILLIS is not a number`);
    }
    if (isLongRunning(o) && !c.lifecycle?.preStop) out.push("serving container has no preStop hook");
    if (!(graceSeconds > preStopSeconds + drainSeconds)) {
      out.push(`terminationGracePeriodSeconds ${graceSeconds} <= preStop ${preStopSeconds}s + drain ${drainSeconds}s`);
    }
    return out;
  }),
};

/** Named ports a Service, probe or ServiceMonitor may point at must exist. */
const references = {
  id: "references",
  description: "selectors, named ports, ConfigMaps, volumes and scale targets resolve",
  check: (objects) => [...serviceRefs(objects), ...podRefs(objects), ...autoscalingRefs(objects), ...monitorRefs(objects)],
};

function podsSelectedBy(objects, namespace, matches) {
  return workloads(objects).filter(({ o, template }) => ns(o) === namespace && matches(template.metadata?.labels));
}

function serviceRefs(objects) {
  return objects.filter((o) => o.kind === "Service").flatMap((svc) => {
    const pods = podsSelectedBy(objects, ns(svc), (labels) => selectsMap(svc.spec?.selector, labels));
    if (pods.length === 0) return [{ ref: ref(svc), message: "selector matches no pod template" }];
    return (svc.spec?.ports ?? []).filter((p) => typeof p.targetPort === "string")
      .filter((p) => !pods.some(({ template }) => containerPortNames(template.spec).has(p.targetPort)))
      .map((p) => ({ ref: ref(svc), message: `targetPort "${p.targetPort}" is no container port name` }));
  });
}

const containerPortNames = (podSpec) =>
  new Set((podSpec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => p.name)));

function podRefs(objects) {
  return eachContainer(objects, ({ o, spec, c }) => {
    const out = [];
    const names = new Set((c.ports ?? []).map((p) => p.name));
    for (const kind of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      const port = c[kind]?.httpGet?.port ?? c[kind]?.tcpSocket?.port;
      if (typeof port === "string" && !names.has(port)) out.push(`${kind} port "${port}" is not a port name`);
    }
    const volumes = new Set((spec.volumes ?? []).map((v) => v.name));
    for (const claim of o.spec?.volumeClaimTemplates ?? []) volumes.add(claim.metadata?.name);
    for (const m of c.volumeMounts ?? []) if (!volumes.has(m.name)) out.push(`volumeMount ${m.name} has no volume`);
    const configMaps = [
      ...(c.envFrom ?? []).map((e) => e.configMapRef),
      ...(c.env ?? []).map((e) => e.valueFrom?.configMapKeyRef),
      ...(spec.volumes ?? []).map((v) => v.configMap),
    ].filter((r) => r && r.optional !== true);
    for (const r of configMaps) {
      const cm = find(objects, "ConfigMap", r.name, ns(o));
      if (!cm) out.push(`ConfigMap ${r.name} is not rendered`);
      else if (r.key !== undefined && !(r.key in (cm.data ?? {}))) out.push(`ConfigMap ${r.name} has no key ${r.key}`);
    }
    const sa = spec.serviceAccountName;
    if (sa && sa !== "default" && !find(objects, "ServiceAccount", sa, ns(o))) out.push(`ServiceAccount ${sa} is not rendered`);
    return out;
  });
}

function autoscalingRefs(objects) {
  const hpas = objects.filter((o) => o.kind === "HorizontalPodAutoscaler").flatMap((hpa) => {
    const target = find(objects, hpa.spec?.scaleTargetRef?.kind, hpa.spec?.scaleTargetRef?.name, ns(hpa));
    const out = [];
    if (!target) out.push("scaleTargetRef resolves to nothing");
    const { minReplicas = 1, maxReplicas } = hpa.spec ?? {};
    if (minReplicas > maxReplicas) out.push(`minReplicas ${minReplicas} > maxReplicas ${maxReplicas}`);
    if (target?.spec?.replicas !== undefined && target.spec.replicas !== minReplicas) {
      out.push(`target replicas ${target.spec.replicas} != minReplicas ${minReplicas} (an apply would fight the HPA)`);
    }
    return out.map((message) => ({ ref: ref(hpa), message }));
  });
  const pdbs = objects.filter((o) => o.kind === "PodDisruptionBudget").flatMap((pdb) => {
    const out = [];
    if ((pdb.spec?.minAvailable === undefined) === (pdb.spec?.maxUnavailable === undefined)) {
      out.push("needs exactly one of minAvailable and maxUnavailable");
    }
    if (podsSelectedBy(objects, ns(pdb), (labels) => selects(pdb.spec?.selector, labels)).length === 0) {
      out.push("selector matches no pod template");
    }
    return out.map((message) => ({ ref: ref(pdb), message }));
  });
  return [...hpas, ...pdbs];
}

function monitorRefs(objects) {
  return objects.filter((o) => o.kind === "ServiceMonitor").flatMap((sm) => {
    const services = objects.filter((o) => o.kind === "Service" && ns(o) === ns(sm)
      && selects(sm.spec?.selector, o.metadata?.labels));
    if (services.length === 0) return [{ ref: ref(sm), message: "selector matches no Service" }];
    return (sm.spec?.endpoints ?? []).filter((e) => e.port !== undefined)
      .filter((e) => !services.some((s) => (s.spec?.ports ?? []).some((p) => p.name === e.port)))
      .map((e) => ({ ref: ref(sm), message: `endpoint port "${e.port}" is no Service port name` }));
  });
}

const networkPolicy = {
  id: "network-policy",
  description: "every pod is selected by a NetworkPolicy that restricts ingress and egress",
  check: (objects) => workloads(objects).flatMap(({ o, template }) => {
    const policies = objects.filter((p) => p.kind === "NetworkPolicy" && ns(p) === ns(o)
      && selects(p.spec?.podSelector, template.metadata?.labels));
    const types = new Set(policies.flatMap((p) => p.spec?.policyTypes ?? []));
    return types.has("Ingress") && types.has("Egress")
      ? [] : [{ ref: ref(o), message: "pods not covered by an Ingress+Egress NetworkPolicy" }];
  }),
};

const SEVERITIES = new Set(["page", "ticket"]);

/** Problems of one Grafana dashboard document (the JSON inside a grafana_dashboard ConfigMap). */
function dashboardProblems(key, text) {
  let dashboard;
  try {
    dashboard = JSON.parse(text);
  } catch (err) {
    return [`${key} is not JSON: ${err.message}`];
  }
  const out = [];
  if (!dashboard.uid || !dashboard.title) out.push(`${key} has no uid or title`);
  const panels = dashboard.panels ?? [];
  if (panels.length === 0) out.push(`${key} has no panels`);
  for (const panel of panels) {
    const exprs = (panel.targets ?? []).map((t) => t.expr).filter((e) => typeof e === "string" && e.trim() !== "");
    if (exprs.length === 0) out.push(`${key} panel "${panel.title}" has no query`);
    if (panel.datasource?.uid !== "${datasource}") out.push(`${key} panel "${panel.title}" does not use $datasource`);
  }
  return out;
}

const observability = {
  id: "observability",
  description: "dashboards parse and every panel queries; every alert has an expr, a severity and a summary",
  check: (objects) => [
    ...objects.filter((o) => o.kind === "ConfigMap" && o.metadata?.labels?.grafana_dashboard === "1")
      .flatMap((o) => Object.entries(o.data ?? {}).flatMap(([key, text]) => dashboardProblems(key, text))
        .map((message) => ({ ref: ref(o), message }))),
    ...objects.filter((o) => o.kind === "PrometheusRule").flatMap((o) =>
      (o.spec?.groups ?? []).flatMap((g) => g.rules ?? []).filter((r) => r.alert !== undefined).flatMap((r) => [
        ...(String(r.expr ?? "").trim() === "" ? [`alert ${r.alert} has no expr`] : []),
        ...(!SEVERITIES.has(r.labels?.severity) ? [`alert ${r.alert} severity is not page or ticket`] : []),
        ...(!r.annotations?.summary ? [`alert ${r.alert} has no summary`] : []),
      ]).map((message) => ({ ref: ref(o), message }))),
  ],
};

export const RULES = [
  probes, resources, security, imageTag, plaintextSecret, committedSecret, rollout, shutdown, references, networkPolicy,
  observability,
];
