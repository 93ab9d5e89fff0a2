/** The editor's schema picks each document's definition by apiVersion and kind. */
import { describe, expect, it } from 'vitest';
import type { JSONSchema } from 'monaco-yaml';
import { buildK8sSchema } from './k8sSchema.ts';

const schema = buildK8sSchema();

const asSchema = (s: boolean | JSONSchema | undefined): JSONSchema => (typeof s === 'object' ? s : {});

function branchFor(apiVersion: string, kind: string): JSONSchema | undefined {
  return schema.allOf?.find((b) => {
    const props = asSchema(asSchema(b).if).properties ?? {};
    return asSchema(props.apiVersion).const === apiVersion && asSchema(props.kind).const === kind;
  }) as JSONSchema | undefined;
}

describe('the editor schema', () => {
  it('sends a v1 Service to io.k8s.api.core.v1.Service, whose spec has sessionAffinity', () => {
    expect(branchFor('v1', 'Service')?.then).toEqual({ $ref: '#/definitions/io.k8s.api.core.v1.Service' });
    const spec = schema.definitions?.['io.k8s.api.core.v1.ServiceSpec'];
    expect(asSchema(spec?.properties?.sessionAffinity).enum).toEqual(['ClientIP', 'None']);
  });

  it('has a branch for each group-qualified kind and for List; none for the kind Cluster config', () => {
    expect(branchFor('apps/v1', 'Deployment')).toBeDefined();
    expect(branchFor('networking.k8s.io/v1', 'Ingress')).toBeDefined();
    expect(branchFor('v1', 'List')).toBeDefined();
    expect(branchFor('kind.x-k8s.io/v1alpha4', 'Cluster')).toBeUndefined();
  });

  it('refers only to definitions it carries', () => {
    const refs = JSON.stringify(schema).match(/"\$ref":"#\/definitions\/[^"]+"/g) ?? [];
    for (const ref of new Set(refs)) {
      const name = ref.slice('"$ref":"#/definitions/'.length, -1);
      expect(schema.definitions?.[name], name).toBeDefined();
    }
  });
});
