import { describe, expect, it } from 'vitest';
import { knownKinds } from '../parse/apiVersions.ts';
import { resourcesInCategory, resourceTypes } from '../shell/kubectl/resources.ts';
import { allKindModules, findKindModule, isManifestKind } from './registry.ts';
import type { KindModule } from './kindModule.ts';
import { SCALED_KINDS } from '../parse/earlyLimitCheck.ts';
import { createSimulation } from '../index.ts';
import { isClusterScoped } from '../model/scope.ts';
import { runCommand } from '../shell/runCommand.ts';
import { createShellSession } from '../shell/session.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { isKindName } from '../../share/actionSchema.ts';
import { graphIdOfIdentity } from '../sim/objectIdentity.ts';
import {
  graphIdOfEndpoints,
  graphIdOfIngress,
  graphIdOfNode,
  graphIdOfOutsideHost,
  graphIdOfPod,
  graphIdOfService,
} from '../trace.ts';

describe('the kind registry', () => {
  it('decodes every kind the parser admits (buildObject relies on it)', () => {
    const missing = knownKinds()
      .map(([kind]) => kind)
      .filter((kind) => kind !== 'List')
      .filter((kind) => !findKindModule(kind)?.decode);
    expect(missing).toEqual([]);
  });

  it('lists, prints and returns every resource type kubectl serves', () => {
    const missing = resourceTypes()
      .filter((t) => {
        const module = findKindModule(t.kind);
        return !module?.list || !module.headers || !module.row || !module.toApiObject;
      })
      .map((t) => t.kind);
    expect(missing).toEqual([]);
  });

  it('lets kubectl delete and label every kind the API server stores and serves, under a kind a share link can carry', () => {
    const stored = resourceTypes()
      .map((t) => findKindModule(t.kind))
      .filter((module) => module?.apply);
    expect(stored.length).toBeGreaterThan(10);
    for (const module of stored) {
      expect(module?.remove, module?.kind).toBeDefined();
      expect(module?.relabel, module?.kind).toBeDefined();
    }
    // mutate.ts's actionKind names the kind in a delete or label action: the wire must know it.
    const acted = resourceTypes().filter(
      (t) => findKindModule(t.kind)?.remove || findKindModule(t.kind)?.relabel,
    );
    expect(acted.filter((t) => !isKindName(t.kind)).map((t) => t.kind)).toEqual([]);
  });

  it("names each drawn kind's objects as the graph does (trace.ts)", () => {
    const id = (kind: string, namespace: string, name: string) =>
      graphIdOfIdentity({ kind, namespace, name });
    expect(id('Pod', 'default', 'a')).toBe(graphIdOfPod('default', 'a'));
    expect(id('Service', 'default', 'a')).toBe(graphIdOfService('default', 'a'));
    expect(id('Endpoints', 'default', 'a')).toBe(graphIdOfEndpoints('default', 'a'));
    expect(id('Ingress', 'default', 'a')).toBe(graphIdOfIngress('default', 'a'));
    expect(id('Node', '', 'kind-worker')).toBe(graphIdOfNode('kind-worker'));
    expect(id('OutsideHost', '', 'legacy-1')).toBe(graphIdOfOutsideHost('legacy-1'));
    expect(id('NetworkPolicy', 'default', 'deny')).toBe('netpol/default/deny');
    expect(id('IngressClass', '', 'nginx')).toBe('ingressclass/nginx');
  });

  it('puts the kinds that declare the "all" category in kubectl get all, in discovery order', () => {
    expect(resourcesInCategory('all').map((t) => t.kind)).toEqual([
      'Pod',
      'ReplicationController',
      'Service',
      'DaemonSet',
      'Deployment',
      'ReplicaSet',
    ]);
  });

  it("says which kinds kubectl scale and set image accept; the page's early limit check agrees", () => {
    const kinds = (has: (m: KindModule) => boolean | undefined) =>
      allKindModules()
        .filter(has)
        .map((m) => m.kind);
    expect(kinds((m) => m.scalable)).toEqual(['ReplicationController', 'ReplicaSet', 'Deployment']);
    expect(kinds((m) => m.scalable)).toEqual([...SCALED_KINDS]);
    expect(kinds((m) => m.podTemplate)).toEqual([
      'ReplicationController',
      'ReplicaSet',
      'Deployment',
      'DaemonSet',
    ]);
  });

  it('files each module under its own kind', () => {
    for (const kind of [...knownKinds().flatMap(([k]) => (k === 'List' ? [] : [k])), 'Event'])
      expect(findKindModule(kind)?.kind).toBe(kind);
  });

  it('takes the kinds a manifest may carry, and their apiVersions, from the kind modules alone', () => {
    expect(knownKinds().map(([kind]) => kind)).toEqual(
      expect.arrayContaining(['Pod', 'Deployment', 'Service', 'Ingress', 'NetworkPolicy', 'Cluster', 'List']),
    );
    const deployment = Object.fromEntries(knownKinds())['Deployment'] ?? {};
    expect(Object.keys(deployment)).toEqual([
      'apps/v1',
      'apps/v1beta2',
      'apps/v1beta1',
      'extensions/v1beta1',
    ]);
    expect(deployment['extensions/v1beta1']?.deprecated).toBe(
      'extensions/v1beta1 Deployment is deprecated in v1.8+, unavailable in v1.16+; use apps/v1 Deployment',
    );
    // Served-only kinds (Event) are not written in manifests.
    expect(findKindModule('Event')?.versions).toBeUndefined();
  });

  it('tells the kinds whose objects an edit keeps (decoded ones) from served-only and unknown kinds', () => {
    const kept = knownKinds()
      .map(([kind]) => kind)
      .filter(isManifestKind);
    expect(kept.sort()).toEqual(
      [
        'Cluster',
        'Namespace',
        'Node',
        'Pod',
        'ReplicationController',
        'ReplicaSet',
        'Deployment',
        'DaemonSet',
        'Service',
        'Endpoints',
        'EndpointSlice',
        'Ingress',
        'NetworkPolicy',
        'IngressClass',
        'IPAddressPool',
        'L2Advertisement',
        'OutsideHost',
        'CloudProviderKind',
      ].sort(),
    );
    for (const kind of ['Event', 'List', 'StatefulSet', 'pod', ''])
      expect(isManifestKind(kind), kind).toBe(false);
  });

  it('finds no module for text that is not a kind (share links carry untrusted kinds)', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'pod', 'StatefulSet', ''])
      expect(findKindModule(name)).toBeUndefined();
  });

  it("declares each kind's scope once, and the API server and kubectl both read it", () => {
    const clusterScoped = ['Namespace', 'Node', 'IngressClass', 'Cluster', 'OutsideHost'];
    for (const kind of clusterScoped) expect(isClusterScoped(kind), kind).toBe(true);
    for (const kind of [
      'Pod',
      'Service',
      'Ingress',
      'NetworkPolicy',
      'IPAddressPool',
      'Event',
      'StatefulSet',
    ])
      expect(isClusterScoped(kind), kind).toBe(false);
    expect(
      resourceTypes()
        .filter((t) => !t.namespaced)
        .map((t) => t.kind),
    ).toEqual(['Namespace', 'Node', 'IngressClass']);
  });

  it('serves kubectl api-resources sorted by group, core first, then by name, as kubectl sorts them', () => {
    const sim = createSimulation({
      files: [{ file: 'kubia.yaml', text: SCENARIO_TEXTS['kubia'] ?? '' }],
      seed: 1,
    });
    const lines = runCommand(sim, createShellSession(), 'kubectl api-resources').output.trim().split('\n');
    const names = lines.slice(1).map((line) => line.split(/\s+/)[0]);
    expect(names).toEqual([
      'endpoints',
      'events',
      'namespaces',
      'nodes',
      'pods',
      'replicationcontrollers',
      'services',
      'daemonsets',
      'deployments',
      'replicasets',
      'endpointslices',
      'ipaddresspools',
      'l2advertisements',
      'ingressclasses',
      'ingresses',
      'networkpolicies',
    ]);
    expect(lines[0]).toMatch(/^NAME\s+SHORTNAMES\s+APIVERSION\s+NAMESPACED\s+KIND$/);
    expect(lines.find((line) => line.startsWith('ingresses'))).toMatch(
      /^ingresses\s+ing\s+networking\.k8s\.io\/v1\s+true\s+Ingress$/,
    );
  });
});
