#!/usr/bin/env python3
"""Writes the JSON schemas the manifests are validated against (deploy/schemas/*.json, read by ManifestsTest).

Not run by the build: the schemas are committed, so that CI validates offline. Run it again when moving to another
Kubernetes, Strimzi or CloudNativePG version (deploy/README.md, "Validation"):

  deploy/schemas/make-schemas.py <Kubernetes swagger.json> <CRD yaml>...

- the Kubernetes API's OpenAPI v2 document (swagger.json, as published with the Kubernetes clients) gives one file per
  built-in kind the manifests use, holding only the definitions that kind reaches;
- each CustomResourceDefinition (Strimzi's packaging/install/cluster-operator/04x-Crd-*.yaml, CloudNativePG's
  config/crd/bases/postgresql.cnpg.io_*.yaml) gives one file per served version.

Strict, like the API server's field validation (kubectl's default): an object that lists its properties accepts no
other (a misspelt field fails), unless the schema says it keeps unknown fields. Descriptions are dropped (size).
IntOrString and Quantity take a number or a string, as the API server does. Needs PyYAML.
"""
import json
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

# the built-in kinds the manifests use: apiVersion/kind -> definition name in swagger.json
BUILT_IN = {
    "v1/Namespace": "io.k8s.api.core.v1.Namespace",
    "v1/ConfigMap": "io.k8s.api.core.v1.ConfigMap",
    "v1/Secret": "io.k8s.api.core.v1.Secret",
    "v1/Service": "io.k8s.api.core.v1.Service",
    "v1/ServiceAccount": "io.k8s.api.core.v1.ServiceAccount",
    "apps/v1/Deployment": "io.k8s.api.apps.v1.Deployment",
    "policy/v1/PodDisruptionBudget": "io.k8s.api.policy.v1.PodDisruptionBudget",
    "autoscaling/v2/HorizontalPodAutoscaler": "io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler",
    "networking.k8s.io/v1/Ingress": "io.k8s.api.networking.v1.Ingress",
    "networking.k8s.io/v1/NetworkPolicy": "io.k8s.api.networking.v1.NetworkPolicy",
}

NUMBER_OR_STRING = {
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": {"type": ["integer", "string"]},
    "io.k8s.apimachinery.pkg.api.resource.Quantity": {"type": ["number", "string"]},
}


def strict(node):
    """Drops descriptions, closes objects that list their properties, widens int-or-string."""
    if isinstance(node, list):
        return [strict(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: strict(v) for k, v in node.items()
           if k not in ("description", "x-kubernetes-validations", "example")}
    if "properties" in node and isinstance(node["properties"], dict):
        out["properties"] = {k: strict(v) for k, v in node["properties"].items()}
        # only a typed object: a oneOf/anyOf branch listing properties only says which are required
        if (node.get("type") == "object" and "additionalProperties" not in node
                and not node.get("x-kubernetes-preserve-unknown-fields")
                and not node.get("x-kubernetes-embedded-resource")):
            out["additionalProperties"] = False
    if node.get("x-kubernetes-int-or-string"):
        out.pop("type", None)
        out["type"] = ["integer", "string"]
    if out.get("nullable"):
        t = out.get("type")
        if isinstance(t, str):
            out["type"] = [t, "null"]
    return out


def refs(node, found):
    if isinstance(node, dict):
        ref = node.get("$ref")
        if ref:
            found.add(ref.split("/")[-1])
        for v in node.values():
            refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


def built_in(swagger):
    definitions = swagger["definitions"]
    for kind_key, root in BUILT_IN.items():
        closure, todo = set(), [root]
        while todo:
            name = todo.pop()
            if name in closure:
                continue
            closure.add(name)
            found = set()
            refs(definitions[name], found)
            todo.extend(found - closure)
        defs = {}
        for name in sorted(closure):
            defs[name] = NUMBER_OR_STRING.get(name) or strict(definitions[name])
        write(kind_key, {"$schema": "http://json-schema.org/draft-04/schema#",
                         "$ref": "#/definitions/" + root, "definitions": defs})


def crd(path):
    with open(path) as f:
        for doc in yaml.safe_load_all(f):
            if not doc or doc.get("kind") != "CustomResourceDefinition":
                continue
            group, kind = doc["spec"]["group"], doc["spec"]["names"]["kind"]
            for version in doc["spec"]["versions"]:
                if not version.get("served"):
                    continue
                schema = strict(version["schema"]["openAPIV3Schema"])
                # metadata is checked by the API server itself, not by the CRD's schema
                schema.setdefault("properties", {})["metadata"] = {"type": "object"}
                schema["$schema"] = "http://json-schema.org/draft-04/schema#"
                write(f"{group}/{version['name']}/{kind}", schema)


def write(kind_key, schema):
    name = kind_key.replace("/", "_") + ".json"
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(schema, f, separators=(",", ":"), sort_keys=True)
        f.write("\n")
    print(name)


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        built_in(json.load(f))
    for crd_path in sys.argv[2:]:
        crd(crd_path)
