import { describe, it, expect } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { BENCH_SIZE, generateScenario } from './generateScenario.ts';

interface Doc {
  kind: string;
  metadata?: { name: string; namespace?: string };
  spec?: {
    replicas?: number;
    rules?: { http: { paths: { backend: { service: { name: string } } }[] } }[];
  };
  nodes?: unknown[];
}

describe('generateScenario', () => {
  const docs = parseAllDocuments(generateScenario()).map((d) => {
    expect(d.errors).toEqual([]);
    return d.toJS() as Doc;
  });
  const ofKind = (kind: string) => docs.filter((d) => d.kind === kind);

  it('has the benchmark sizes: 50 nodes, 1,000 app pods, 200 app Services, 50 Ingresses, one controller', () => {
    expect(ofKind('Cluster')[0]?.nodes).toHaveLength(BENCH_SIZE.nodes);
    const apps = docs.filter((d) => d.metadata?.namespace?.startsWith('team-'));
    const replicas = apps
      .filter((d) => d.kind === 'Deployment' || d.kind === 'ReplicationController')
      .reduce((sum, d) => sum + (d.spec?.replicas ?? 0), 0);
    expect(replicas).toBe(1000);
    expect(apps.filter((d) => d.kind === 'Service')).toHaveLength(200);
    expect(ofKind('Ingress')).toHaveLength(50);
    expect(ofKind('IngressClass')).toHaveLength(1);
  });

  it('points every Ingress backend at a Service of its own namespace', () => {
    const services = new Set(ofKind('Service').map((s) => `${s.metadata?.namespace}/${s.metadata?.name}`));
    for (const ing of ofKind('Ingress')) {
      for (const rule of ing.spec?.rules ?? []) {
        for (const p of rule.http.paths) {
          expect(services.has(`${ing.metadata?.namespace}/${p.backend.service.name}`)).toBe(true);
        }
      }
    }
  });
});
