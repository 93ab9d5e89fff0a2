import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseManifests } from './parseManifests.ts';
import { createParseCache, parseManifestsCached, readDocumentsAhead } from './parseCache.ts';
import type { ParseCache } from './parseCache.ts';
import { splitIntoDocumentChunks } from './documentChunks.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { MAX_DEPTH } from '../limits.ts';
import { mutatedTexts, textMutation, VALID_MANIFESTS as VALID } from './test/mutations.ts';

/** The cached parse gives exactly what parseManifests gives for the same text. */
function expectSameAsWhole(cache: ParseCache, text: string): void {
  const files = [{ file: 'f.yaml', text }];
  const cached = parseManifestsCached(files, cache);
  const whole = parseManifests(files);
  expect(cached.manifests).toStrictEqual(whole.manifests);
  expect(cached.diagnostics).toStrictEqual(whole.diagnostics);
}

const MUTATION = textMutation(
  fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '\n',
      '\n\n',
      '---\n',
      '\n---\n',
      '# note\n',
      '  ',
      ': 1',
      '- x',
      '"80"',
      '&a ',
      '*a',
      '...\n',
      '%YAML 1.2\n',
      "'",
      '"',
      '[',
      '{',
      '|\n',
      '9',
    ),
  ),
);

describe('splitIntoDocumentChunks', () => {
  it('cuts at document markers and counts lines', () => {
    expect(splitIntoDocumentChunks('a: 1\n---\nb: 2\n--- \nc: 3')).toEqual([
      { text: 'a: 1\n', line: 1 },
      { text: '---\nb: 2\n', line: 2 },
      { text: '--- \nc: 3', line: 4 },
    ]);
  });

  it('does not cut at a line that only begins with dashes', () => {
    expect(splitIntoDocumentChunks('a: |\n  x\n----\n')).toEqual([{ text: 'a: |\n  x\n----\n', line: 1 }]);
  });

  it('refuses texts with directives or document-end markers', () => {
    expect(splitIntoDocumentChunks('%YAML 1.2\n---\na: 1\n')).toBeNull();
    expect(splitIntoDocumentChunks('a: 1\n...\n---\nb: 2\n')).toBeNull();
  });
});

describe('parseManifestsCached', () => {
  it('matches parseManifests on texts past the nesting limits, in one document or across several', () => {
    const deepFlow = `a: ${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}\n`;
    const deepBlock = `${Array.from({ length: 2 * MAX_DEPTH + 2 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`;
    const valid = VALID[0] ?? '';
    const half = `b: ${'['.repeat(MAX_DEPTH / 2 + 1)}\n`;
    const texts = [
      `${valid}---\n${deepFlow}`,
      `${deepBlock}---\n${valid}`,
      // half the depth on each side of a marker: too deep only if the count ran on across it
      `${half}---\n${half}`,
      // a quoted scalar running over a marker hides brackets from the whole-text scan
      `${valid}---\nc: "x\n---\n${deepFlow}"\n`,
      `c: 'x\n---\n${deepFlow}'\n---\n${valid}`,
    ];
    for (const text of texts) {
      const cache = createParseCache();
      expectSameAsWhole(cache, text);
      expectSameAsWhole(cache, text);
    }
  });

  it('matches parseManifests on every bundled scenario, twice (the second from the cache)', () => {
    const cache = createParseCache();
    const dir = new URL('../../scenarios/', import.meta.url);
    const texts = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => readFileSync(new URL(f, dir), 'utf8'));
    expect(texts.length).toBeGreaterThan(5);
    for (const text of texts) {
      expectSameAsWhole(cache, text);
      expectSameAsWhole(cache, text);
    }
  });

  it('matches parseManifests after edits that move documents up and down', () => {
    const cache = createParseCache();
    expectSameAsWhole(cache, VALID);
    expectSameAsWhole(cache, `\n\n${VALID}`);
    expectSameAsWhole(cache, `---\n${VALID}`);
    expectSameAsWhole(cache, VALID.replace('replicas: 3', 'replicas: 4'));
    expectSameAsWhole(cache, VALID.replace('---\n', '---\n# a comment\n\n'));
    expectSameAsWhole(cache, VALID);
  });

  it('hands out the same manifest objects for documents that did not change or move', () => {
    const cache = createParseCache();
    const first = parseManifestsCached([{ file: 'f.yaml', text: VALID }], cache);
    const edited = VALID.replace('replicas: 3', 'replicas: 4');
    const second = parseManifestsCached([{ file: 'f.yaml', text: edited }], cache);
    const changed = second.manifests.filter((m, i) => m !== first.manifests[i]);
    expect(changed.map((m) => m.kind)).toEqual(['ReplicationController']);
  });

  it('matches parseManifests under random edits of a multi-document text (one cache for the run)', () => {
    const cache = createParseCache();
    fc.assert(
      fc.property(fc.array(MUTATION, { minLength: 1, maxLength: 4 }), (mutations) => {
        for (const text of mutatedTexts(VALID, mutations)) expectSameAsWhole(cache, text);
      }),
      { numRuns: 60 },
    );
  });

  it('matches parseManifests on arbitrary strings', () => {
    const cache = createParseCache();
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => expectSameAsWhole(cache, s)),
      { numRuns: 200 },
    );
  });

  it('forgets readings no recent text used', () => {
    const cache = createParseCache();
    parseManifestsCached([{ file: 'f.yaml', text: VALID }], cache);
    parseManifestsCached([{ file: 'f.yaml', text: 'a: 1\n' }], cache);
    parseManifestsCached([{ file: 'f.yaml', text: 'b: 1\n' }], cache);
    expect(cache.chunks.size).toBe(2);
  });
});

describe('readDocumentsAhead', () => {
  const file = 'f.yaml';
  const readingsOf = (cache: ParseCache, text: string) =>
    splitIntoDocumentChunks(text)!.map((c) => cache.chunks.get(`${file}\u0000${c.text}`));

  it('reads every document once: the parse that follows uses those readings and matches parseManifests', () => {
    const cache = createParseCache();
    readDocumentsAhead([{ file, text: VALID }], cache);
    const read = readingsOf(cache, VALID);
    expect(read.every((reading) => reading !== undefined)).toBe(true);
    expectSameAsWhole(cache, VALID);
    expect(readingsOf(cache, VALID)).toEqual(read);
    readingsOf(cache, VALID).forEach((reading, i) => expect(reading).toBe(read[i]));
  });

  it('keeps what it read through the next two parses of other texts', () => {
    const cache = createParseCache();
    parseManifestsCached([{ file, text: 'a: 1\n' }], cache);
    readDocumentsAhead([{ file, text: VALID }], cache);
    const read = readingsOf(cache, VALID);
    parseManifestsCached([{ file, text: 'b: 1\n' }], cache);
    parseManifestsCached([{ file, text: 'c: 1\n' }], cache);
    readingsOf(cache, VALID).forEach((reading, i) => expect(reading).toBe(read[i]));
  });

  it('leaves a text read whole to the parse, which still matches parseManifests', () => {
    const cache = createParseCache();
    const broken = `${VALID}---\nkind: [\n---\n${VALID}`;
    readDocumentsAhead([{ file, text: broken }], cache);
    expectSameAsWhole(cache, broken);
    const directive = `%YAML 1.2\n---\n${VALID}`;
    readDocumentsAhead([{ file, text: directive }], cache);
    expectSameAsWhole(cache, directive);
  });
});
