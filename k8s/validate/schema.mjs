// Offline schema validation of rendered objects with kubernetes-models (Kubernetes OpenAPI) and
// @kubernetes-models/prometheus-operator (the CRDs we use), plus a strict unknown-field check.

/** Where the model classes of an apiVersion live; core and built-in groups follow one pattern. */
const CRD_PACKAGES = {
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

const modules = new Map();

async function modelFor(apiVersion, kind) {
  const specifier = CRD_PACKAGES[apiVersion] ?? `kubernetes-models/${apiVersion}`;
  if (!modules.has(specifier)) {
    modules.set(specifier, await import(specifier).catch(() => null));
  }
  return modules.get(specifier)?.[kind];
}

/**
 * Wraps obj so that every property the generated validator reads, and every object whose keys
 * it enumerates (maps such as labels or resources.limits), is recorded in seen.
 */
function tracked(obj, path, seen) {
  if (obj === null || typeof obj !== "object") return obj;
  return new Proxy(obj, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof key !== "string" || !Object.hasOwn(target, key)) return value;
      seen.add(`${path}/${key}`);
      return tracked(value, `${path}/${key}`, seen);
    },
    ownKeys(target) {
      seen.add(`${path}/*`);
      return Reflect.ownKeys(target);
    },
  });
}

/** Fields present in obj that the schema never looked at: misspelt or misplaced keys. */
function unknownFields(obj, path, seen, found) {
  if (obj === null || typeof obj !== "object") return found;
  const isMap = Array.isArray(obj) || seen.has(`${path}/*`);
  for (const [key, value] of Object.entries(obj)) {
    const child = `${path}/${key}`;
    if (!isMap && !seen.has(child)) {
      found.push(child);
    } else {
      unknownFields(value, child, seen, found);
    }
  }
  return found;
}

/**
 * Validates one object; returns a list of {path, message} problems, empty when valid.
 * `known` is false when no schema exists for the apiVersion/kind.
 */
export async function validateSchema(obj) {
  const Model = await modelFor(obj.apiVersion, obj.kind);
  if (!Model) {
    return { known: false, problems: [{ path: "", message: `no schema for ${obj.apiVersion} ${obj.kind}` }] };
  }
  const seen = new Set();
  const problems = [];
  try {
    Model.prototype.validate.call(tracked(obj, "", seen));
  } catch (err) {
    for (const e of err.errors ?? [{ instancePath: "", message: err.message }]) {
      problems.push({ path: e.instancePath, message: e.message });
    }
  }
  for (const path of unknownFields(obj, "", seen, [])) {
    problems.push({ path, message: "unknown field (not in the schema)", unknown: true });
  }
  return { known: true, problems };
}
