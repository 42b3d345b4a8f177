"""A renderer for the part of kustomize that deploy/k8s uses, so that the overlays can be
rendered and checked where no kustomize or kubectl binary is installed (Debian has neither).

Supported, and nothing else (anything else in a kustomization is an error, not ignored):
  resources (files, and folders holding a kustomization.yaml), namespace, images
  (name -> newName/newTag), patches (JSON 6902 patch files with a target of
  group/version/kind/name), secretGenerator and configMapGenerator with literals,
  generatorOptions.disableNameSuffixHash (required: hashed names are not supported).

When kubectl is on PATH, check-deploy also renders with `kubectl kustomize` and requires the
same objects, so this renderer cannot drift from the real one unnoticed.
"""

from __future__ import annotations

import base64
import copy
from pathlib import Path

import yaml

SUPPORTED = {"apiVersion", "kind", "resources", "namespace", "images", "patches", "secretGenerator",
             "configMapGenerator", "generatorOptions"}
CLUSTER_SCOPED = {"Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition",
                  "StorageClass", "PersistentVolume", "IngressClass", "PriorityClass"}


class KustomizeError(Exception):
    pass


def _load_all(path: Path) -> list[dict]:
    try:
        docs = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d is not None]
    except (OSError, yaml.YAMLError) as error:
        raise KustomizeError(f"{path}: {error}") from error
    for doc in docs:
        if not isinstance(doc, dict) or "kind" not in doc or "apiVersion" not in doc:
            raise KustomizeError(f"{path}: a document without apiVersion and kind")
    return docs


def _pointer(path: str) -> list[str]:
    if not path.startswith("/"):
        raise KustomizeError(f"JSON pointer {path!r} must start with /")
    return [p.replace("~1", "/").replace("~0", "~") for p in path[1:].split("/")]


def _json_patch(doc: dict, ops: list[dict], where: str) -> None:
    for op in ops:
        parts = _pointer(op["path"])
        parent = doc
        for part in parts[:-1]:
            parent = parent[int(part)] if isinstance(parent, list) else parent.get(part)
            if parent is None:
                raise KustomizeError(f"{where}: {op['path']}: no such parent")
        last = parts[-1]
        kind = op["op"]
        if isinstance(parent, list):
            index = len(parent) if last == "-" else int(last)
            if kind == "add":
                parent.insert(index, copy.deepcopy(op["value"]))
            elif kind == "replace":
                parent[index] = copy.deepcopy(op["value"])
            elif kind == "remove":
                del parent[index]
            else:
                raise KustomizeError(f"{where}: unsupported op {kind}")
        else:
            if kind in ("replace", "remove") and last not in parent:
                raise KustomizeError(f"{where}: {op['path']}: nothing to {kind}")
            if kind in ("add", "replace"):
                parent[last] = copy.deepcopy(op["value"])
            elif kind == "remove":
                del parent[last]
            else:
                raise KustomizeError(f"{where}: unsupported op {kind}")


def _matches(doc: dict, target: dict) -> bool:
    group, _, version = doc["apiVersion"].rpartition("/")
    return (target.get("kind") in (None, doc["kind"])
            and target.get("name") in (None, doc.get("metadata", {}).get("name"))
            and target.get("group", "") in ("", group) and (target.get("group", "") != "" or group == "")
            and target.get("version") in (None, version))


def _containers(doc: dict) -> list[dict]:
    spec = doc.get("spec", {})
    pod = spec.get("template", {}).get("spec", spec)
    return list(pod.get("containers", [])) + list(pod.get("initContainers", []))


def _generate(entries: list[dict], kind: str, folder: Path) -> list[dict]:
    out = []
    for entry in entries:
        unknown = set(entry) - {"name", "literals"}
        if unknown:
            raise KustomizeError(f"{folder}: {kind} generator fields not supported: {sorted(unknown)}")
        data = {}
        for literal in entry.get("literals", []):
            key, sep, value = literal.partition("=")
            if not sep:
                raise KustomizeError(f"{folder}: literal {literal!r} is not key=value")
            data[key] = base64.b64encode(value.encode()).decode() if kind == "Secret" else value
        doc = {"apiVersion": "v1", "kind": kind, "metadata": {"name": entry["name"]}, "data": data}
        if kind == "Secret":
            doc["type"] = "Opaque"
        out.append(doc)
    return out


def render(folder: Path) -> list[dict]:
    path = folder / "kustomization.yaml"
    try:
        k = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise KustomizeError(f"{path}: {error}") from error
    unknown = set(k) - SUPPORTED
    if unknown:
        raise KustomizeError(f"{path}: fields this renderer does not support: {sorted(unknown)}")
    docs: list[dict] = []
    for resource in k.get("resources", []):
        target = (folder / resource).resolve()
        docs += render(target) if target.is_dir() else _load_all(target)
    generators = _generate(k.get("secretGenerator", []), "Secret", folder)
    generators += _generate(k.get("configMapGenerator", []), "ConfigMap", folder)
    if generators and not k.get("generatorOptions", {}).get("disableNameSuffixHash"):
        raise KustomizeError(f"{path}: generators need generatorOptions.disableNameSuffixHash: true here")
    docs += generators
    for patch in k.get("patches", []):
        if set(patch) != {"path", "target"}:
            raise KustomizeError(f"{path}: only patches with path and target are supported")
        ops = yaml.safe_load((folder / patch["path"]).read_text(encoding="utf-8"))
        hits = [d for d in docs if _matches(d, patch["target"])]
        if not hits:
            raise KustomizeError(f"{path}: patch {patch['path']} matches no resource")
        for doc in hits:
            _json_patch(doc, ops, f"{folder / patch['path']}")
    for image in k.get("images", []):
        for doc in docs:
            for container in _containers(doc):
                name = container.get("image", "")
                base = name.split("@")[0].rsplit(":", 1)[0] if ":" in name.split("/")[-1] else name.split("@")[0]
                if base == image["name"]:
                    container["image"] = f"{image.get('newName', image['name'])}:{image['newTag']}" \
                        if "newTag" in image else image.get("newName", image["name"])
    if "namespace" in k:
        for doc in docs:
            if doc["kind"] not in CLUSTER_SCOPED:
                doc.setdefault("metadata", {})["namespace"] = k["namespace"]
    names = [(d["kind"], d["metadata"].get("namespace"), d["metadata"]["name"]) for d in docs]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise KustomizeError(f"{path}: resources defined twice: {duplicates}")
    return docs
