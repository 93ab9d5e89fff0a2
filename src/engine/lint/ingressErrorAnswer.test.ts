/**
 * Hints and explanations about an Ingress backend name the controller that serves the Ingress
 * (kubeplay issue 12 §4): Traefik drops a router whose Service is missing and answers 404, or 503 with
 * allowEmptyServices (https://doc.traefik.io/traefik/providers/kubernetes-ingress/#allowemptyservices);
 * ingress-nginx answers 503 (docs/kubernetes-facts.md#traefik).
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../sim/simulation.ts';
import { routeRequest } from '../net/request.ts';
import { scenarioText } from '../test/helpers.ts';
import { getHints } from './hints.ts';

function kubiaWith(edit: (text: string) => string) {
  const text = edit(scenarioText('kubia'));
  return createSimulation({ files: [{ file: 'kubia.yaml', text }], seed: 1 });
}

const invalidNodePort = (text: string) => text.replace('nodePort: 30123', 'nodePort: 29999');

describe('the Ingress backend hints name the controller that serves the Ingress', () => {
  it('Traefik scenario, kubia-nodeport rejected for nodePort 29999: the hint says Traefik answers 404', () => {
    const sim = kubiaWith(invalidNodePort);
    expect(sim.diagnostics.map((d) => d.code)).toContain('svc-nodeport-range');
    const hint = getHints(sim.state).find((d) => d.code === 'hint-ingress-service-missing');
    expect(hint?.message).toContain('404 page not found from Traefik');
    expect(hint?.message).not.toContain('ingress-nginx');
  });

  it('the explanation of the failed request names Traefik too', () => {
    const sim = kubiaWith(invalidNodePort);
    const { trace } = routeRequest(sim.state, {
      from: 'client/laptop',
      url: 'http://172.18.0.4/',
      headers: { Host: 'kubia.example.com' },
    });
    expect(trace.status).toBe(404);
    const explanation = trace.explanation;
    expect(explanation?.kind).toBe('ingress-service-missing');
    expect(explanation?.detail).toContain('from Traefik');
    expect(explanation?.detail).not.toContain('ingress-nginx');
  });

  it('Traefik with allowEmptyServices answers 503 and the hint says so', () => {
    const sim = kubiaWith((t) =>
      invalidNodePort(t).replace(
        '            - --providers.kubernetesingress\n',
        '            - --providers.kubernetesingress\n            - --providers.kubernetesingress.allowEmptyServices=true\n',
      ),
    );
    const hint = getHints(sim.state).find((d) => d.code === 'hint-ingress-service-missing');
    expect(hint?.message).toContain('503 Service Unavailable ("no available server") from Traefik');
  });
});
