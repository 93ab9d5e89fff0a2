/**
 * The editor's JSON schema, built from the generated Kubernetes 1.33 OpenAPI schema
 * (src/engine/schema/k8s-1.33.ts): each document gets the definition of its apiVersion and kind
 * through an `if`/`then` per kind, so completion, hover and value checks are those of the API. A
 * document of another kind (the kind Cluster config `kind.x-k8s.io/v1alpha4`, or a kind kubeplay
 * skips) matches no branch and is left to the engine's own validation, which is what counts.
 */
import type { JSONSchema } from 'monaco-yaml';
import type { OpenApiSchema } from '../../engine/index.ts';
import { apiVersionOf, k8sOpenApi } from '../../engine/index.ts';

/** Kinds the editor offers beside the API's: kubectl's List and the kind cluster config. */
const KIND_CLUSTER_API_VERSION = 'kind.x-k8s.io/v1alpha4';

function definitionsOf(definitions: Record<string, OpenApiSchema>): Record<string, JSONSchema> {
  // The generated definitions are plain JSON schema already (type, properties, items, $ref, enum).
  return definitions as Record<string, JSONSchema>;
}

function selectByKind(apiVersion: string, kind: string, then: JSONSchema): JSONSchema {
  return {
    if: {
      properties: { apiVersion: { const: apiVersion }, kind: { const: kind } },
      required: ['apiVersion', 'kind'],
    },
    then,
  };
}

export function buildK8sSchema(doc = k8sOpenApi()): JSONSchema {
  const apiVersions = [...new Set(doc.kinds.map(apiVersionOf)), KIND_CLUSTER_API_VERSION];
  const kinds = [...doc.kinds.map((k) => k.kind), 'List', 'Cluster'];
  const anyKind: JSONSchema = {
    allOf: doc.kinds.map((k) => selectByKind(apiVersionOf(k), k.kind, ref(k.definition))),
  };
  const objectMeta = doc.kinds[0] ? doc.definitions[doc.kinds[0].definition]?.properties : undefined;
  const list: JSONSchema = {
    type: 'object',
    properties: {
      apiVersion: objectMeta?.apiVersion as JSONSchema,
      kind: objectMeta?.kind as JSONSchema,
      metadata: ref('io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta'),
      items: { type: 'array', items: anyKind },
    },
  };
  return {
    type: 'object',
    definitions: definitionsOf(doc.definitions),
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', examples: apiVersions },
      kind: { type: 'string', examples: kinds },
    },
    allOf: [...(anyKind.allOf ?? []), selectByKind('v1', 'List', list)],
  };
}

function ref(definition: string): JSONSchema {
  return { $ref: `#/definitions/${definition}` };
}

export const k8sSchema: JSONSchema = buildK8sSchema();
