/**
 * Random edits of a valid multi-document text, for the properties that parsing never throws and that
 * the cached parse always equals the whole one: each edit cuts up to 40 characters at a point and
 * inserts a string there, as typing and pasting do.
 */
import fc from 'fast-check';
import {
  DOCS_INGRESS,
  DOCS_NGINX_DEPLOYMENT,
  KIND_CLUSTER,
  KUBIA_INGRESS_TLS_BETA,
  KUBIA_RC,
  KUBIA_SVC_NAMED_PORTS,
  KUBIA_SVC_NODEPORT,
} from './fixtures.ts';

/** Valid manifests of each kind the parser reads, in one text. */
export const VALID_MANIFESTS = [
  KUBIA_RC,
  KUBIA_SVC_NAMED_PORTS,
  KUBIA_SVC_NODEPORT,
  KUBIA_INGRESS_TLS_BETA,
  DOCS_INGRESS,
  DOCS_NGINX_DEPLOYMENT,
  KIND_CLUSTER,
].join('---\n');

/** YAML's punctuation, and a letter and a digit, for edits that reach the parser's corners. */
export const YAML_CHARS = [
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

export interface TextMutation {
  at: number;
  cut: number;
  insert: string;
}

/** An edit anywhere in VALID_MANIFESTS that inserts one of `inserts`. */
export function textMutation(inserts: fc.Arbitrary<string>): fc.Arbitrary<TextMutation> {
  return fc.record({
    at: fc.nat({ max: VALID_MANIFESTS.length }),
    cut: fc.nat({ max: 40 }),
    insert: inserts,
  });
}

/** The text after each mutation in turn (a point past the end edits the end). */
export function mutatedTexts(text: string, mutations: readonly TextMutation[]): string[] {
  const texts: string[] = [];
  let current = text;
  for (const m of mutations) {
    const at = Math.min(m.at, current.length);
    current = current.slice(0, at) + m.insert + current.slice(at + m.cut);
    texts.push(current);
  }
  return texts;
}
