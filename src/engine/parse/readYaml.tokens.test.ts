/**
 * readYaml reads most documents straight from the parser's tokens (tokenWalker.ts) and composes the rest
 * with the yaml library. The two must agree to the last position and diagnostic: every document the fast
 * path reads gives what composing it gives, on every manifest the project holds and on random edits of
 * them (which also exercise the fast path's way out: each edit that leaves its subset must be composed).
 */
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { readYaml } from './readYaml.ts';
import { composedOnly, tokens } from './test/tokensSwitch.ts';
import { schemaFor } from './apiVersions.ts';
import { KITCHEN_SINK } from './test/fixtures.ts';
import { mutatedTexts, textMutation, VALID_MANIFESTS, YAML_CHARS } from './test/mutations.ts';
import { SCENARIO_TEXTS } from '../../scenarios/scenarioTexts.ts';
import { generateScenario } from '../../bench/generateScenario.ts';
import { MAX_DEPTH } from '../limits.ts';

vi.mock('./tokenWalker.ts', async (original) =>
  (await import('./test/tokensSwitch.ts')).withTokensSwitch(await original()),
);

const yamlFiles = import.meta.glob<string>(['../../**/*.yaml'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

const MANIFESTS: Record<string, string> = {
  ...yamlFiles,
  ...Object.fromEntries(Object.entries(SCENARIO_TEXTS).map(([name, text]) => [`scenario ${name}`, text])),
  'fixtures VALID_MANIFESTS': VALID_MANIFESTS,
  'fixtures KITCHEN_SINK': KITCHEN_SINK,
  'bench scenario': generateScenario(),
};

function expectSameRead(text: string): void {
  const fast = readYaml('f.yaml', text, schemaFor);
  const composed = composedOnly(() => readYaml('f.yaml', text, schemaFor));
  expect(fast).toEqual(composed);
}

/** How many of a text's documents the token reader read (the rest it left to the composer). */
function fastShare(text: string): { fast: number; documents: number } {
  const before = tokens.read;
  const documents = readYaml('f.yaml', text, schemaFor).documents.length;
  return { fast: tokens.read - before, documents };
}

describe('readYaml by tokens equals readYaml composed', () => {
  it('holds the project’s manifests: scenarios, lessons, held-out apps, fixtures, the bench cluster', () => {
    expect(Object.keys(MANIFESTS).length).toBeGreaterThan(40);
    const before = tokens.read;
    for (const [name, text] of Object.entries(MANIFESTS)) {
      expect
        .soft(readYaml(name, text, schemaFor), name)
        .toEqual(composedOnly(() => readYaml(name, text, schemaFor)));
    }
    // Both sides would be the token reader if the switch were not mocked in (a file run without
    // isolation shares an unmocked module): then the comparison proves nothing.
    expect(tokens.read).toBeGreaterThan(before);
  });

  it('reads the block style of those manifests without the composer', () => {
    let fast = 0;
    let documents = 0;
    for (const text of Object.values(MANIFESTS)) {
      const share = fastShare(text);
      fast += share.fast;
      documents += share.documents;
    }
    // Flow collections (`args: ["--port", "80"]`) and anchors are composed; everything else is read fast.
    expect(fast / documents).toBeGreaterThan(0.8);
    const bench = fastShare(generateScenario());
    expect(bench.fast).toBe(bench.documents);
  });

  it.each([
    [
      'a comment between keys, after a value, at a map’s end',
      'a:\n  b: 1 # one\n  # lone\nc: 2\n  # trailing\n',
    ],
    ['empty values, with and without comments', 'a:\nb: # note\nc:\n  - \n  - # x\n  -\nd: ""\n'],
    ['a key with spaces before its colon', 'apiVersion : v1\nkind : Pod\nmetadata :\n  name : x\n'],
    ['block scalars', 'a: |\n  one\n  two\nb: >-\n  folded\n  text\n\nc: |+\n  keep\n\n'],
    ['quoted keys and values', '"apiVersion": \'v1\'\n\'kind\': "Service"\n"x\\ty": "a\\u0041"\n'],
    [
      'numbers, booleans, nulls and YAML 1.1 words',
      'a: 0x1F\nb: 1e3\nc: .inf\nd: ~\ne: yes\nf: Off\ng: 0o17\n1: x\ntrue: y\n',
    ],
    [
      'duplicate, forbidden and unknown keys',
      'apiVersion: v1\nkind: Pod\nkind: Pod\nmetadata:\n  __proto__: 1\n  nme: x\n',
    ],
    [
      'types the schema refuses',
      'apiVersion: v1\nkind: Service\nspec:\n  ports:\n    port: 80\n  selector:\n  - a\n  type: [x]\n',
    ],
    ['empty documents and comments alone', '# only a comment\n---\n---\n# c\n---\napiVersion: v1\n'],
    ['a document start with content on its line', '--- a\n--- |\n  x\n---\n- a\n'],
    ['a collection on the document start line', '--- a: 1\n'],
    ['document ends and directives', 'a: 1\n...\n%YAML 1.1\n---\nb: yes\n...\n# done\n'],
    ['tabs', 'a:\n\tb: 1\nc: 2\t# x\n'],
    ['anchors, aliases and merge keys', 'base: &b\n  x: 1\nuse:\n  <<: *b\n  y: 2\n'],
    ['tags', 'a: !!int "80"\nb: !local x\nc: !!float abc\n'],
    ['flow collections', 'a: [1, 2]\nb: {c: d}\nc: []\n'],
    ['explicit keys', '? a\n: 1\n? [x]\n: 2\n'],
    ['a compact nested map and a multi-line key', 'a: b: c\n"x\n y": 1\n'],
    ['keys at the wrong indentation', 'a:\n    b: 1\n  c: 2\nd: 3\n'],
    ['a comment without a space before it', 'a: "x"#c\nb: 1\n'],
    ['bad scalars', 'a: @x\nb: "unterminated\nc: `y\n'],
    ['a very long key', `${'k'.repeat(1100)}: 1\nb: 2\n`],
    [
      'nesting deeper than the limit',
      `${Array.from({ length: MAX_DEPTH + 3 }, (_, i) => `${'  '.repeat(i)}k:`).join('\n')} 1\n`,
    ],
    [
      'nesting deeper than the limit in a skipped value',
      `apiVersion: v1\nkind: Pod\nnope:\n${Array.from({ length: MAX_DEPTH + 3 }, (_, i) => `${'  '.repeat(i + 1)}k:`).join('\n')} 1\n`,
    ],
    ['an error token after a document', 'a: 1\n]\n---\nb: 2\n'],
    ['an error before the first document', ']\n---\nb: 2\n'],
    ['windows line ends', 'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: x # c\r\n'],
    ['a byte order mark', '\uFEFFapiVersion: v1\nkind: Pod\n'],
    ['list items with maps, comments and empty items', 'a:\n- b: 1\n  c: 2\n# between\n- \n-\n  - x\n'],
  ])('%s', (_name, text) => {
    expectSameRead(text);
  });

  it('stops at the same document limit', () => {
    expectSameRead('a: 1\n---\n'.repeat(1100));
  });

  it('holds after random edits of valid manifests', () => {
    const punctuation = fc.constantFrom(
      ...YAML_CHARS,
      ...[
        '  ',
        '\n  ',
        '&a ',
        ' #',
        '---\n',
        '...\n',
        '<<: ',
        'null',
        '~',
        '"80"',
        '0x1F',
        'yes',
        '__proto__: 1',
      ],
    );
    const mutation = textMutation(fc.oneof(fc.string({ maxLength: 12 }), punctuation));
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        for (const text of mutatedTexts(VALID_MANIFESTS, mutations)) expectSameRead(text);
      }),
      { numRuns: 300 },
    );
  });
});
