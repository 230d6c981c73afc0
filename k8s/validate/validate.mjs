// Validates rendered kustomize output offline: Kubernetes schemas, unknown fields and house rules.
// Usage: node validate.mjs NAME=rendered.yaml [NAME=rendered.yaml ...]
// Prints each problem, then one summary line per target; exits 1 when any target has a problem.
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";
import { validateSchema } from "./schema.mjs";
import { RULES } from "./rules.mjs";
import { containersOf, find, ns, ref, workloads } from "./objects.mjs";

function parse(file) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  const errors = docs.flatMap((d) => d.errors.map((e) => ({ rule: "yaml", ref: file, message: e.message })));
  const objects = docs.map((d) => d.toJS()).filter((o) => o !== null && o !== undefined);
  return { objects, errors };
}

/** Secrets the pods read that the render does not contain: they must be created by hand. */
function externalSecrets(objects) {
  const names = new Map();
  for (const { o, template } of workloads(objects)) {
    const refs = [
      ...containersOf(template.spec).flatMap(({ c }) => (c.env ?? []).map((e) => e.valueFrom?.secretKeyRef)),
      ...containersOf(template.spec).flatMap(({ c }) => (c.envFrom ?? []).map((e) => e.secretRef)),
      ...(template.spec?.volumes ?? []).map((v) => v.secret && { name: v.secret.secretName, optional: v.secret.optional }),
    ].filter(Boolean);
    for (const r of refs) {
      if (find(objects, "Secret", r.name, ns(o))) continue;
      names.set(r.name, (names.get(r.name) ?? true) && r.optional === true);
    }
  }
  return [...names].sort().map(([name, optional]) => (optional ? `${name} (optional)` : name));
}

async function validateTarget(name, file) {
  const { objects, errors: problems } = parse(file);
  for (const o of objects) {
    const { problems: found } = await validateSchema(o);
    for (const p of found) {
      problems.push({ rule: p.unknown ? "unknown-field" : "schema", ref: ref(o), message: `${p.path || "/"} ${p.message}` });
    }
  }
  for (const rule of RULES) {
    for (const p of rule.check(objects)) problems.push({ rule: rule.id, ...p });
  }
  if (objects.length === 0) problems.push({ rule: "empty", ref: file, message: "rendered no objects" });
  return { name, objects, problems };
}

/** [key, count] pairs in first-seen order (Object.groupBy needs Node 21). */
function countBy(items, key) {
  const counts = new Map();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts];
}

function summary({ name, objects, problems }) {
  const label = `k8s-validate ${name.padEnd(5)}`;
  if (problems.length > 0) {
    const byRule = countBy(problems, (p) => p.rule).map(([r, n]) => `${r} ${n}`);
    return `${label} FAIL ${problems.length} problem(s) in ${objects.length} objects: ${byRule.join(", ")}`;
  }
  const kinds = countBy(objects, (o) => o.kind).map(([k, n]) => `${k}${n > 1 ? `x${n}` : ""}`);
  const secrets = externalSecrets(objects);
  return `${label} OK   ${objects.length} objects schema-valid, ${RULES.length} rules pass`
    + ` [${kinds.join(" ")}]; Secrets to create: ${secrets.length > 0 ? secrets.join(", ") : "none"}`;
}

const targets = process.argv.slice(2).map((arg) => arg.split("=", 2));
if (targets.length === 0 || targets.some((t) => t.length !== 2)) {
  console.error("usage: node validate.mjs NAME=rendered.yaml [NAME=rendered.yaml ...]");
  process.exit(2);
}
const results = [];
for (const [name, file] of targets) results.push(await validateTarget(name, file));
for (const { name, problems } of results) {
  for (const p of problems) console.log(`  ${name}: [${p.rule}] ${p.ref}: ${p.message}`);
}
for (const result of results) console.log(summary(result));
process.exit(results.some((r) => r.problems.length > 0) ? 1 : 0);
