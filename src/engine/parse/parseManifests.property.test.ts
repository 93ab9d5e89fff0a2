import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseManifests } from './parseManifests.ts';
import { mutatedTexts, textMutation, VALID_MANIFESTS as VALID, YAML_CHARS } from './test/mutations.ts';

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
    const mutation = textMutation(
      fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom(...YAML_CHARS),
        fc.constantFrom('  ', '\n  ', ': 1', '- x', '"80"', 'null', '__proto__: 1', '*a', '&a '),
      ),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        checkShape(mutatedTexts(VALID, mutations).at(-1) ?? VALID);
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
