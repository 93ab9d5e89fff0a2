/**
 * The Kubernetes 1.33 OpenAPI schema of the kinds kubeplay reads, generated from the published
 * OpenAPI document by scripts/gen-k8s-schema.mjs (see its header for the sources). `kubectl explain`
 * reads it here; the editor turns it into a JSON schema for completion, hover and value checks.
 */
import { K8S_OPENAPI_JSON } from './k8s-1.33.ts';

/** The subset of an OpenAPI (v2) schema object that the generator keeps. */
export interface OpenApiSchema {
  description?: string;
  type?: string;
  properties?: Record<string, OpenApiSchema>;
  required?: string[];
  items?: OpenApiSchema;
  additionalProperties?: OpenApiSchema;
  $ref?: string;
  enum?: string[];
  oneOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
}

export interface GroupVersionKind {
  /** '' for the core group. */
  group: string;
  version: string;
  kind: string;
}

export interface SchemaKind extends GroupVersionKind {
  /** Key in `definitions`, e.g. io.k8s.api.core.v1.Service. */
  definition: string;
}

export interface K8sOpenApi {
  kubernetesVersion: string;
  kinds: SchemaKind[];
  definitions: Record<string, OpenApiSchema>;
}

let parsed: K8sOpenApi | undefined;

/** The schema, parsed from the generated module's JSON text the first time anyone asks. */
export function k8sOpenApi(): K8sOpenApi {
  parsed ??= JSON.parse(K8S_OPENAPI_JSON) as K8sOpenApi;
  return parsed;
}

export const DEFINITION_REF_PREFIX = '#/definitions/';

/** The schema a `#/definitions/...` reference points to, or undefined. */
export function resolveDefinition(
  ref: string | undefined,
  doc: K8sOpenApi = k8sOpenApi(),
): OpenApiSchema | undefined {
  if (ref === undefined || !ref.startsWith(DEFINITION_REF_PREFIX)) return undefined;
  const name = ref.slice(DEFINITION_REF_PREFIX.length);
  return Object.prototype.hasOwnProperty.call(doc.definitions, name) ? doc.definitions[name] : undefined;
}

/** `apiVersion` as written in a manifest: `v1` for the core group, `group/version` otherwise. */
export function apiVersionOf(gvk: GroupVersionKind): string {
  return gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
}
