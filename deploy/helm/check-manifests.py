"""Offline checks of rendered chart manifests, used by deploy/helm/check.sh.

  check-manifests.py split RENDERED OUT_K8S OUT_ENV_JSON
      Writes the objects that Kubernetes' own OpenAPI schemas describe to OUT_K8S (for
      kubernetes-validate), reports the custom resources it leaves out (their CRD schemas are not
      part of Kubernetes), and writes each container's environment, with ConfigMap envFrom and
      Secret references resolved, to OUT_ENV_JSON for config-check.ts.

  check-manifests.py rules RENDERED OUT_RULES [SOURCE_RULES]
      Writes the rule groups of the rendered PrometheusRule to OUT_RULES, for `promtool check rules`,
      and fails when they differ from SOURCE_RULES (deploy/prometheus/alerts.yaml).

  check-manifests.py values VALUES_YAML...
      Fails when a key of a values file has no comment on the line above it.

Runs with the kubernetes-validate virtualenv's Python, which has PyYAML.
"""

import json
import re
import sys

import yaml

# API groups of custom resources the chart renders: Prometheus Operator and KEDA.
CUSTOM_GROUPS = ("monitoring.coreos.com/", "keda.sh/")
WORKLOAD_KINDS = ("Deployment", "StatefulSet", "Job")


def split(rendered_path, k8s_path, env_path):
    with open(rendered_path) as f:
        docs = [d for d in yaml.safe_load_all(f) if d]
    builtin, skipped = [], []
    for doc in docs:
        if doc.get("apiVersion", "").startswith(CUSTOM_GROUPS):
            skipped.append(f"{doc['kind']}/{doc['metadata']['name']}")
        else:
            builtin.append(doc)
    with open(k8s_path, "w") as f:
        yaml.safe_dump_all(builtin, f, sort_keys=False)

    config_maps = {d["metadata"]["name"]: d.get("data", {}) for d in builtin if d["kind"] == "ConfigMap"}
    secrets = {d["metadata"]["name"]: d.get("stringData", {}) for d in builtin if d["kind"] == "Secret"}
    containers = []
    for doc in builtin:
        if doc["kind"] not in WORKLOAD_KINDS:
            continue
        for c in doc["spec"]["template"]["spec"]["containers"]:
            env = {}
            for source in c.get("envFrom", []):
                name = source["configMapRef"]["name"]
                if name not in config_maps:
                    sys.exit(f"{doc['kind']}/{doc['metadata']['name']}: envFrom ConfigMap {name} is not rendered")
                env.update(config_maps[name])
            for var in c.get("env", []):
                if "value" in var:
                    env[var["name"]] = str(var["value"])
                elif "secretKeyRef" in var.get("valueFrom", {}):
                    ref = var["valueFrom"]["secretKeyRef"]
                    entry = {"secret": ref["name"]}
                    if ref["key"] in secrets.get(ref["name"], {}):
                        entry["value"] = secrets[ref["name"]][ref["key"]]
                    env[var["name"]] = entry
                elif "fieldRef" in var.get("valueFrom", {}):
                    env[var["name"]] = {"field": var["valueFrom"]["fieldRef"]["fieldPath"]}
                else:
                    sys.exit(f"{doc['kind']}/{doc['metadata']['name']}: unsupported env source for {var['name']}")
            command = c.get("command", []) + c.get("args", [])
            entry = next((arg for arg in command if arg.endswith(".js")), "")
            containers.append({"where": f"{doc['kind']}/{doc['metadata']['name']}", "entry": entry, "env": env})
    with open(env_path, "w") as f:
        json.dump(containers, f)

    kinds = sorted({d["kind"] for d in builtin})
    print(f"  {len(builtin)} objects to validate ({', '.join(kinds)})")
    if skipped:
        print(f"  not validated (custom resources, no CRD schema offline): {', '.join(skipped)}")


def rules(rendered_path, out_path, source_path=None):
    with open(rendered_path) as f:
        groups = [g for d in yaml.safe_load_all(f) if d and d.get("kind") == "PrometheusRule" for g in d["spec"]["groups"]]
    if not groups:
        sys.exit(f"{rendered_path}: no PrometheusRule rendered")
    if source_path:
        with open(source_path) as f:
            if yaml.safe_load(f)["groups"] != groups:
                sys.exit(f"{rendered_path}: the PrometheusRule's groups differ from {source_path}")
    with open(out_path, "w") as f:
        yaml.safe_dump({"groups": groups}, f, sort_keys=False)


KEY = re.compile(r"^(\s*)([A-Za-z_][\w.-]*):(\s|$)")


def check_values(paths):
    """Every key carries a comment on the line above. A key documented with `# --` is a setting:
    what nests under it (a securityContext, resources, labels) is its value, not more keys."""
    missing = []
    for path in paths:
        with open(path) as f:
            lines = f.read().splitlines()
        value_indent = None  # inside a documented setting's value or a list item
        for number, line in enumerate(lines, 1):
            stripped = line.lstrip()
            indent = len(line) - len(stripped)
            if not stripped or stripped.startswith("#"):
                continue
            if value_indent is not None and indent > value_indent:
                continue
            value_indent = None
            if stripped.startswith("- "):
                value_indent = indent
                continue
            match = KEY.match(line)
            if not match:
                continue
            block = []  # the comment lines right above the key, nearest first
            for above in reversed(lines[: number - 1]):
                if not above.strip().startswith("#"):
                    break
                block.append(above.strip())
            if not block:
                missing.append(f"{path}:{number}: {match.group(2)}")
            elif block[-1].startswith("# --"):
                value_indent = indent
    if missing:
        print("keys without a comment:\n  " + "\n  ".join(missing))
        sys.exit(1)
    print(f"  every key documented in {len(paths)} values file(s)")


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "split":
        split(*sys.argv[2:])
    elif len(sys.argv) in (4, 5) and sys.argv[1] == "rules":
        rules(*sys.argv[2:])
    elif len(sys.argv) >= 3 and sys.argv[1] == "values":
        check_values(sys.argv[2:])
    else:
        sys.exit(__doc__)
