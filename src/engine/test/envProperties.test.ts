/**
 * Service environment variables, which depend on creation order (kubelet_pods.go getServiceEnvVarMap,
 * envvars.go FromServices): a pod gets variables for every Service with a cluster IP that existed in ITS
 * namespace when it started, plus the `kubernetes` Service's; `enableServiceLinks: false` keeps only the
 * latter; headless Services give none. Checked over generated orders of Services and pods.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { errorsOf, serviceOf, simulate } from './helpers.ts';

type Item =
  | { kind: 'svc'; name: string; ns: string; headless: boolean; ports: { name?: string; port: number }[] }
  | { kind: 'pod'; name: string; ns: string; links: boolean };

const SERVICE_NAMES = ['web', 'my-db', 'api-v2', 'cache'];
const NAMESPACES = ['default', 'other'];

const portsArb = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 65535 })).map(([port]) => [{ port }]),
  fc.tuple(fc.integer({ min: 1, max: 65535 })).map(([port]) => [{ name: 'http', port }]),
  fc.tuple(fc.integer({ min: 1, max: 32000 }), fc.integer({ min: 32001, max: 65535 })).map(([a, b]) => [
    { name: 'http', port: a },
    { name: 'metrics-1', port: b },
  ]),
);

const itemsArb: fc.Arbitrary<Item[]> = fc
  .array(
    fc.oneof(
      fc.record({
        kind: fc.constant('svc' as const),
        name: fc.constantFrom(...SERVICE_NAMES),
        ns: fc.constantFrom(...NAMESPACES),
        headless: fc.boolean(),
        ports: portsArb,
      }),
      fc.record({
        kind: fc.constant('pod' as const),
        ns: fc.constantFrom(...NAMESPACES),
        links: fc.boolean(),
      }),
    ),
    { minLength: 1, maxLength: 10 },
  )
  .map((items) => {
    const seen = new Set<string>();
    let pods = 0;
    const out: Item[] = [];
    for (const it of items) {
      if (it.kind === 'pod') out.push({ ...it, name: `pod-${pods++}` });
      else if (!seen.has(`${it.ns}/${it.name}`)) {
        seen.add(`${it.ns}/${it.name}`);
        out.push(it);
      }
    }
    return out;
  });

function render(items: Item[]): string {
  const docs = ['apiVersion: v1\nkind: Namespace\nmetadata:\n  name: other\n'];
  for (const it of items) {
    if (it.kind === 'svc') {
      const ports = it.ports
        .map((p) => `    - {${p.name ? `name: ${p.name}, ` : ''}port: ${p.port}}`)
        .join('\n');
      docs.push(
        `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${it.name}\n  namespace: ${it.ns}\nspec:\n${it.headless ? '  clusterIP: None\n' : ''}  selector: {app: x}\n  ports:\n${ports}\n`,
      );
    } else {
      docs.push(
        `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${it.name}\n  namespace: ${it.ns}\nspec:\n  enableServiceLinks: ${it.links}\n  containers:\n    - {name: c, image: nginx}\n`,
      );
    }
  }
  return docs.join('---\n');
}

const envName = (name: string) => name.toUpperCase().replace(/[-.]/g, '_');

describe('service environment variables', () => {
  it("are those of the Services of the pod's namespace created before it, in the kubelet's format", () => {
    fc.assert(
      fc.property(itemsArb, (items) => {
        const sim = simulate(render(items));
        expect(errorsOf(sim)).toEqual([]);
        const state = sim.state;
        items.forEach((item, index) => {
          if (item.kind !== 'pod') return;
          const pod = state.pods.find(
            (p) => p.metadata.namespace === item.ns && p.metadata.name === item.name,
          );
          const env = Object.fromEntries((pod?.serviceEnv ?? []).map((e) => [e.name, e.value]));
          const before = items
            .slice(0, index)
            .filter(
              (s): s is Extract<Item, { kind: 'svc' }> => s.kind === 'svc' && s.ns === item.ns && !s.headless,
            );
          const expected: Record<string, string> = {};
          if (item.links) {
            for (const s of before) {
              const ip = serviceOf(state, s.name, s.ns).manifest.spec.clusterIP ?? '';
              const n = envName(s.name);
              const first = s.ports[0]?.port ?? 0;
              expected[`${n}_SERVICE_HOST`] = ip;
              expected[`${n}_SERVICE_PORT`] = String(first);
              expected[`${n}_PORT`] = `tcp://${ip}:${first}`;
              for (const p of s.ports) {
                if (p.name) expected[`${n}_SERVICE_PORT_${envName(p.name)}`] = String(p.port);
                const key = `${n}_PORT_${p.port}_TCP`;
                Object.assign(expected, {
                  [key]: `tcp://${ip}:${p.port}`,
                  [`${key}_PROTO`]: 'tcp',
                  [`${key}_PORT`]: String(p.port),
                  [`${key}_ADDR`]: ip,
                });
              }
            }
          }
          expect(env, `${item.ns}/${item.name}`).toMatchObject(expected);
          const hosts = Object.keys(env)
            .filter((k) => k.endsWith('_SERVICE_HOST'))
            .sort();
          const wanted = [
            ...Object.keys(expected).filter((k) => k.endsWith('_SERVICE_HOST')),
            'KUBERNETES_SERVICE_HOST',
          ];
          expect(hosts, `${item.ns}/${item.name}`).toEqual([...new Set(wanted)].sort());
          expect(env.KUBERNETES_SERVICE_PORT).toBe('443');
        });
      }),
      { numRuns: 60 },
    );
  });
});
