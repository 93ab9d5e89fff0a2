/** The generated schema covers what kubeplay reads, and every reference in it resolves. */
import { describe, expect, it } from 'vitest';
import { knownKinds } from '../parse/apiVersions.ts';
import { resourceTypes } from '../shell/kubectl/resources.ts';
import type { OpenApiSchema } from './k8sOpenApi.ts';
import { apiVersionOf, k8sOpenApi, resolveDefinition } from './k8sOpenApi.ts';

const K8S_OPENAPI = k8sOpenApi();

const served = new Set(K8S_OPENAPI.kinds.map((k) => `${apiVersionOf(k)} ${k.kind}`));

/** The core group ("v1") and the groups Kubernetes itself serves (apps, networking.k8s.io, ...). */
function isKubernetesGroup(apiVersion: string): boolean {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
  return group === '' || !group.includes('.') || group.endsWith('.k8s.io');
}

describe('the generated Kubernetes 1.33 schema', () => {
  it('is 1.33 and names its source', () => {
    expect(K8S_OPENAPI.kubernetesVersion).toBe('1.33');
    expect((K8S_OPENAPI as unknown as { $comment: string }).$comment).toMatch(/release-1\.33/);
  });

  it('has every kind the parser reads, at each apiVersion a 1.33 API server still serves', () => {
    for (const [kind, versions] of knownKinds()) {
      if (kind === 'Cluster' || kind === 'List') continue; // kind's own config; kubectl's client-side List
      const current = Object.entries(versions).filter(([, info]) => !info.deprecated);
      expect(current.length, kind).toBeGreaterThan(0);
      // Custom resources (kubeplay's OutsideHost, MetalLB's pools) are not in Kubernetes' own schema.
      if (current.every(([apiVersion]) => !isKubernetesGroup(apiVersion))) continue;
      for (const [apiVersion] of current)
        expect(served, `${apiVersion} ${kind}`).toContain(`${apiVersion} ${kind}`);
    }
  });

  it('has the kinds the parser names and skips, and every kind kubectl explain can be asked about', () => {
    expect(served).toContain('networking.k8s.io/v1 NetworkPolicy');
    expect(served).toContain('discovery.k8s.io/v1 EndpointSlice');
    for (const t of resourceTypes().filter((r) => isKubernetesGroup(r.group ? `${r.group}/` : '')))
      expect(served).toContain(`${t.group ? `${t.group}/` : ''}${t.version} ${t.kind}`);
  });

  it('keeps ServiceSpec.sessionAffinity with its description and, from k8s.io/api, its enum', () => {
    const spec = K8S_OPENAPI.definitions['io.k8s.api.core.v1.ServiceSpec'];
    const field = spec?.properties?.sessionAffinity;
    expect(field?.type).toBe('string');
    expect(field?.description).toMatch(
      /^Supports "ClientIP" and "None"\. Used to maintain session affinity\./,
    );
    expect(field?.enum).toEqual(['ClientIP', 'None']);
    expect(field?.description).toContain('Possible enum values:\n - `"ClientIP"` is the Client IP based.');
  });

  it('writes IntOrString as integer or string, so `targetPort: 8080` is not a wrong type', () => {
    const ios = resolveDefinition('#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString');
    expect(ios?.type).toBeUndefined();
    expect(ios?.oneOf).toEqual([{ type: 'integer' }, { type: 'string' }]);
  });

  it('resolves every $ref it holds (the transitive closure was kept)', () => {
    const missing: string[] = [];
    const walk = (s: OpenApiSchema | undefined): void => {
      if (!s) return;
      if (s.$ref && !resolveDefinition(s.$ref)) missing.push(s.$ref);
      for (const p of Object.values(s.properties ?? {})) walk(p);
      walk(s.items);
      walk(s.additionalProperties);
    };
    for (const d of Object.values(K8S_OPENAPI.definitions)) walk(d);
    expect(missing).toEqual([]);
  });
});
