import { describe, expect, it } from 'vitest';
import type { PolicySelection } from '../../engine/index.ts';
import { createSimulation, getPolicySelections } from '../../engine/index.ts';
import { withPolicyCells } from './networkPolicyCells.ts';
import { toFlowElements } from './toFlowElements.ts';

const policy = (namespace: string, name: string): PolicySelection => ({
  id: `netpol/${namespace}/${name}`,
  namespace,
  name,
  policyTypes: ['Ingress'],
  pods: [],
});

describe('withPolicyCells', () => {
  it('puts each namespace’s policies after its last Service, the rest at the end', () => {
    const cells = withPolicyCells(
      [{ card: 'svc/default/a', below: 'ep/default/a' }, { card: 'svc/default/b' }, { card: 'svc/shop/c' }],
      [policy('shop', 'p1'), policy('default', 'p2'), policy('lonely', 'p3')],
    );
    expect(cells.map((c) => c.card)).toEqual([
      'svc/default/a',
      'svc/default/b',
      'netpol/default/p2',
      'svc/shop/c',
      'netpol/shop/p1',
      'netpol/lonely/p3',
    ]);
  });

  it('leaves the cells alone without policies', () => {
    const cells = [{ card: 'svc/default/a' }];
    expect(withPolicyCells(cells, [])).toBe(cells);
  });
});

describe('the NetworkPolicy card', () => {
  it('carries the engine’s count of selected pods and the policyTypes, inside the cluster', () => {
    const sim = createSimulation({
      files: [
        {
          file: 'manifest.yaml',
          text: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: luksa/kubia}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: deny-web}
spec:
  podSelector: {matchLabels: {app: web}}
  policyTypes: [Ingress]
`,
        },
      ],
    });
    const { nodes } = toFlowElements({
      state: sim.state,
      ingressControllers: {},
      policies: getPolicySelections(sim.state),
      stale: false,
    });
    const card = nodes.find((n) => n.id === 'netpol/default/deny-web');
    expect(card?.type).toBe('netpol');
    expect(card?.parentId).toBe('cluster');
    expect(card?.data).toMatchObject({
      kind: 'netpol',
      name: 'deny-web',
      selects: 2,
      policyTypes: ['Ingress'],
    });
    // Placed in the band beside the Service, not on top of it.
    const svc = nodes.find((n) => n.id === 'svc/default/web');
    expect(card?.position).not.toEqual(svc?.position);
  });
});
