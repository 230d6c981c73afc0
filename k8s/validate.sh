#!/usr/bin/env bash
# Renders k8s/base and every overlay with kubectl's kustomize, validates each rendered object
# offline (Kubernetes schemas, unknown fields, house rules: k8s/validate/rules.mjs), lints the
# YAML when yamllint is installed, and proves the validator still rejects a broken manifest.
# Usage: k8s/validate.sh [OUTPUT_DIR]   (default: k8s/target/rendered)
# Run by `mvn verify` through the creditgate-k8s module.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/target/rendered}"
validator="$here/validate"
targets=(base overlays/dev overlays/prod)

die() { echo "k8s-validate: ERROR: $*" >&2; exit 1; }

require_tools() {
  command -v kubectl >/dev/null 2>&1 || die "kubectl not found on PATH. It renders the kustomizations \
(kubectl kustomize). Install kubectl 1.27 or newer (kustomize v5); note that Debian bookworm's \
kubernetes-client package (1.20) is too old."
  local kustomize_version
  kustomize_version="$(kubectl version --client -o json 2>/dev/null | sed -n 's/.*"kustomizeVersion": *"v\{0,1\}\([0-9]*\).*/\1/p')"
  [[ "${kustomize_version:-0}" -ge 5 ]] || die "kubectl at $(command -v kubectl) embeds kustomize \
'${kustomize_version:-unknown}'; these manifests need kustomize v5 (kubectl 1.27 or newer)."
  command -v node >/dev/null 2>&1 || die "node not found on PATH (Node.js 20 or newer runs the validator)."
}

install_validator() {
  local stamp="$validator/node_modules/.package-lock.json"
  if [[ ! -f "$stamp" || "$validator/package-lock.json" -nt "$stamp" ]]; then
    command -v npm >/dev/null 2>&1 || die "npm not found on PATH (needed once to install k8s/validate/node_modules)."
    echo "k8s-validate: installing validator dependencies (npm ci)"
    (cd "$validator" && npm ci --no-audit --no-fund --loglevel=error) || die "npm ci failed in $validator"
  fi
}

lint_yaml() {
  if command -v yamllint >/dev/null 2>&1; then
    yamllint --strict -c "$here/.yamllint" "$here/base" "$here/overlays" "$validator/fixtures"
    echo "k8s-validate yamllint OK"
  else
    echo "k8s-validate yamllint skipped (not installed)"
  fi
}

render() {
  local dir="$1" file="$2"
  kubectl kustomize "$here/$dir" >"$file" || die "kubectl kustomize $dir failed (see above)"
}

validate_targets() {
  local args=() name
  for target in "${targets[@]}"; do
    name="$(basename "$target")"
    render "$target" "$out/$name.yaml"
    args+=("$name=$out/$name.yaml")
  done
  node "$validator/validate.mjs" "${args[@]}"
}

# The validator must reject the fixture, through every rule listed as expected.
self_test() {
  local fixture="$validator/fixtures/broken" report="$out/broken.report" missing=()
  render "${fixture#"$here"/}" "$out/broken.yaml"
  if node "$validator/validate.mjs" "broken=$out/broken.yaml" >"$report" 2>&1; then
    cat "$report"
    die "self-test: the validator ACCEPTED the deliberately broken fixture $fixture"
  fi
  while read -r rule; do
    grep -q "\[$rule\]" "$report" || missing+=("$rule")
  done <"$fixture/expected-rules.txt"
  if ((${#missing[@]} > 0)); then
    cat "$report"
    die "self-test: rules that did not fire on the broken fixture: ${missing[*]}"
  fi
  echo "k8s-validate self-test OK: broken fixture rejected by all $(wc -l <"$fixture/expected-rules.txt") expected rules"
}

require_tools
install_validator
mkdir -p "$out"
lint_yaml
validate_targets
self_test
