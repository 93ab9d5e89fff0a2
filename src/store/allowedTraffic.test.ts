/**
 * "Show allowed traffic" through the store and the engine (in-thread, the Worker's twin): the facts of
 * a NetworkPolicy carry what each rule lets through, and the view remembers which policy's edges are
 * drawn until the button is pressed again, Escape hides them, or something else is selected.
 */
import { describe, expect, it } from 'vitest';
import { bundledLessons } from '../lessons/content/index.ts';
import { createInThreadEngine } from '../worker/inThread.ts';
import { hideAllowedTraffic, toggleAllowedTraffic } from './allowedTraffic.ts';
import { createKubeplayApp } from './kubeplayApp.ts';
import { select } from './viewStore.ts';

const lesson = bundledLessons().find((l) => l.id === 'network-policy');
const lessonYaml = lesson && 'yaml' in lesson.scenario ? lesson.scenario.yaml : '';
const allowFrontend = lesson?.files?.['allow-frontend.yaml'] ?? '';
const denyEgress = [
  'apiVersion: networking.k8s.io/v1',
  'kind: NetworkPolicy',
  'metadata:',
  '  name: client-egress',
  'spec:',
  '  podSelector:',
  '    matchLabels:',
  '      role: frontend',
  '  policyTypes: [Egress]',
  '  egress:',
  '    - to:',
  '        - ipBlock:',
  '            cidr: 203.0.113.0/24',
  '      ports:',
  '        - protocol: UDP',
  '          port: 53',
].join('\n');

function makeApp(yaml: string) {
  const storage = new Map<string, string>();
  return createKubeplayApp({
    engine: createInThreadEngine(),
    scenarios: [{ id: 'netpol', title: 'NetworkPolicy', yaml }],
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    now: () => 0,
    debounceMs: 5,
  });
}

const pods = (app: ReturnType<typeof makeApp>, prefix: string) =>
  (app.simulation.getState().sim?.state.pods ?? [])
    .map((p) => `pod/${p.metadata.namespace}/${p.metadata.name}`)
    .filter((id) => id.startsWith(prefix))
    .sort();

describe('allowed traffic of a NetworkPolicy, from the engine through the store', () => {
  it('the lesson files are there', () => {
    expect(lessonYaml).toContain('role: frontend');
    expect(allowFrontend).toContain('port: 8080');
  });

  it('inspect answers a policy with its selected pods and, rule by rule, the peers and ports', async () => {
    const app = makeApp(`${lessonYaml}\n---\n${allowFrontend}\n---\n${denyEgress}`);
    await app.flush();
    const kubia = pods(app, 'pod/default/kubia-');
    expect(kubia).toHaveLength(3);
    const facts = await app.inspect('netpol/default/allow-frontend');
    expect(facts.kind).toBe('networkpolicy');
    if (facts.kind !== 'networkpolicy') return;
    expect([...facts.selected].sort()).toEqual(kubia);
    expect(facts.policyTypes).toEqual(['Ingress']);
    expect(facts.allows).toHaveLength(1);
    expect(facts.allows[0]).toMatchObject({
      direction: 'Ingress',
      rule: 'spec.ingress[0]',
      peers: ['pod/default/client'],
      blocks: [],
      ports: ['TCP 8080'],
    });
    expect([...(facts.allows[0]?.pods ?? [])].sort()).toEqual(kubia);

    const egress = await app.inspect('netpol/default/client-egress');
    expect(egress).toMatchObject({
      kind: 'networkpolicy',
      policyTypes: ['Egress'],
      selected: ['pod/default/client'],
      allows: [{ direction: 'Egress', peers: [], blocks: ['203.0.113.0/24'], ports: ['UDP 53'] }],
    });
    expect(await app.inspect('netpol/default/no-such-policy')).toEqual({ kind: 'none' });
  });

  it('follows the cluster: a policy edited in the YAML answers with its new rule', async () => {
    const app = makeApp(`${lessonYaml}\n---\n${allowFrontend}`);
    await app.flush();
    app.editYaml(`${lessonYaml}\n---\n${allowFrontend.replace('port: 8080', 'port: 9090')}`);
    await app.flush();
    const facts = await app.inspect('netpol/default/allow-frontend');
    expect(facts.kind === 'networkpolicy' && facts.allows[0]?.ports).toEqual(['TCP 9090']);
  });

  it('a default deny allows nothing: no rule to draw', async () => {
    const deny = lesson?.files?.['deny-kubia-ingress.yaml'] ?? '';
    const app = makeApp(`${lessonYaml}\n---\n${deny}`);
    await app.flush();
    const facts = await app.inspect('netpol/default/deny-kubia-ingress');
    expect(facts).toMatchObject({ kind: 'networkpolicy', allows: [] });
    expect(facts.kind === 'networkpolicy' && facts.selected).toHaveLength(3);
  });

  it('the view shows one policy at a time and hides it on a second press, Escape or another selection', () => {
    const app = makeApp(lessonYaml);
    const policy = 'netpol/default/allow-frontend';
    toggleAllowedTraffic(app.view, policy);
    expect(app.view.getState()).toMatchObject({ allowedTrafficOf: policy, selection: policy });
    toggleAllowedTraffic(app.view, policy);
    expect(app.view.getState().allowedTrafficOf).toBeNull();
    expect(app.view.getState().selection).toBe(policy);

    toggleAllowedTraffic(app.view, policy);
    select(app.view, policy);
    expect(app.view.getState().allowedTrafficOf).toBe(policy);
    select(app.view, 'pod/default/client');
    expect(app.view.getState().allowedTrafficOf).toBeNull();

    toggleAllowedTraffic(app.view, policy);
    toggleAllowedTraffic(app.view, 'netpol/default/other');
    expect(app.view.getState()).toMatchObject({
      allowedTrafficOf: 'netpol/default/other',
      selection: 'netpol/default/other',
    });
    select(app.view, null);
    expect(app.view.getState().allowedTrafficOf).toBeNull();

    toggleAllowedTraffic(app.view, policy);
    hideAllowedTraffic(app.view);
    expect(app.view.getState().allowedTrafficOf).toBeNull();
  });
});
