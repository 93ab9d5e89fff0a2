import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseManifests } from './parseManifests.ts';
import {
  DOCS_INGRESS,
  DOCS_NGINX_DEPLOYMENT,
  KIND_CLUSTER,
  KUBIA_INGRESS_TLS_BETA,
  KUBIA_RC,
  KUBIA_SVC_NAMED_PORTS,
  KUBIA_SVC_NODEPORT,
} from './test/fixtures.ts';

const VALID = [
  KUBIA_RC,
  KUBIA_SVC_NAMED_PORTS,
  KUBIA_SVC_NODEPORT,
  KUBIA_INGRESS_TLS_BETA,
  DOCS_NGINX_DEPLOYMENT,
  DOCS_INGRESS,
  KIND_CLUSTER,
].join('---\n');

/** Every diagnostic is well formed: a located, non-empty message with a code. */
function checkShape(text: string): void {
  const r = parseManifests([{ file: 'f.yaml', text }]);
  for (const d of r.diagnostics) {
    expect(d.file).toBe('f.yaml');
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.message.length).toBeGreaterThan(0);
    expect(d.code.length).toBeGreaterThan(0);
  }
  // Plain data: survives structuredClone and JSON.
  expect(() => structuredClone(r)).not.toThrow();
  expect(JSON.parse(JSON.stringify(r.manifests))).toEqual(r.manifests);
}

const YAML_CHARS = [
  ':',
  '-',
  ' ',
  '\n',
  '[',
  ']',
  '{',
  '}',
  '&',
  '*',
  '!',
  '|',
  '>',
  '"',
  "'",
  '#',
  ',',
  '?',
  '%',
  '@',
  '`',
  '\t',
  'a',
  '1',
  '<<',
];

describe('parseManifests never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => checkShape(s)),
      { numRuns: 300 },
    );
  });

  it('on strings made of YAML punctuation', () => {
    const yamlish = fc.array(fc.constantFrom(...YAML_CHARS), { maxLength: 200 }).map((a) => a.join(''));
    fc.assert(
      fc.property(yamlish, (s) => checkShape(s)),
      { numRuns: 300 },
    );
  });

  it('on arbitrary mutations of valid manifests (cut, insert, replace)', () => {
    const mutation = fc.record({
      at: fc.nat({ max: VALID.length }),
      cut: fc.nat({ max: 40 }),
      insert: fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(...YAML_CHARS),
        fc.constantFrom('  ', '\n  ', ': 1', '- x', '"80"', 'null', '__proto__: 1', '*a', '&a '),
      ),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        let text = VALID;
        for (const m of mutations) {
          const at = Math.min(m.at, text.length);
          text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
        }
        checkShape(text);
      }),
      { numRuns: 150 },
    );
  });

  it('on any JSON-like value dumped as a document', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.constantFrom('Service', 'Pod', 'Deployment', 'Ingress', 'List', 'Cluster', 'Endpoints'),
        (spec, kind) => {
          const apiVersion =
            { Deployment: 'apps/v1', Ingress: 'networking.k8s.io/v1', Cluster: 'kind.x-k8s.io/v1alpha4' }[
              kind as string
            ] ?? 'v1';
          const doc = {
            apiVersion,
            kind,
            metadata: { name: 'x' },
            spec,
            items: [spec],
            subsets: spec,
            nodes: spec,
          };
          checkShape(JSON.stringify(doc));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on garbage file lists', () => {
    expect(() => parseManifests(null as never)).not.toThrow();
    expect(() => parseManifests([null, { file: 3, text: 4 }] as never)).not.toThrow();
  });
});
