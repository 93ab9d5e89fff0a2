/**
 * Every citation in the code points at something in the repository (docs/contributing.md#layer-rules):
 * a comment that says `docs/kubernetes-facts.md#dns`, `kubernetes-facts.md §14` or `LINKS.md` names a
 * file that exists and, after `#`, an anchor or heading it has, or after `§`, a numbered section it
 * has. The design notes the project started from lived outside the repository; their names must not
 * come back. Public URLs are not checked here (the tests run with no network).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = '.';
const SELF = join('src', 'docCitations.test.ts');

/** Where code and its configuration live. Markdown is prose: its own links are checked separately. */
const CODE_DIRS = ['src', 'e2e', 'scripts', 'bin', '.ci'];
const CODE_FILE = /\.(ts|tsx|js|mjs|cjs|css|html|json|yaml|yml)$|^run$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'test-results', 'playwright-report']);

/**
 * Names of the design notes the project grew from, which were never in the repository: a comment citing
 * one cites nothing (docs/ holds their content now). The names are joined from parts so that this file,
 * the one place that must name them, does not read as citing them itself.
 */
const md = (name: string) => [name, 'md'].join('.');
const OUTSIDE_NAMES = [
  md('DESIGN'),
  ['K8S', 'FACTS'].join('-'),
  md('STACK'),
  md('STYLE'),
  ['COURSE', 'NOTES'].join('-'),
  'PEERS',
];
/** The folder beside the checkout the notes were in. */
const OUTSIDE_FOLDER = ['..', 'shared'].join('/');
const OUTSIDE_DOCUMENTS = new RegExp(
  [...OUTSIDE_NAMES.map((n) => `\\b${n}`), OUTSIDE_FOLDER]
    .map((n) => `${n.replace(/\./g, '\\.')}\\b`)
    .join('|'),
);

/**
 * A Markdown file named in a comment: a path inside the repository or a bare file name, not part of a
 * URL (no `/`, `.` or word character just before it), optionally followed by `#anchor`, by one or
 * more sections (`§14`, `§6–§8`, `§15–§17, §22`) or by a quoted heading (`testing.md, "Where the time
 * goes"`; `…` stands for words left out).
 */
const MD_CITATION =
  /(?<![\w/.:@-])((?:[\w-]+\/)*[\w-]+\.md)(?:#([\w-]+)|\s*((?:§\d+(?:\s*[–-]\s*§\d+)?)(?:,\s*§\d+(?:\s*[–-]\s*§\d+)?)*)|,\s*"([^"]+)")?/g;

function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIP_DIRS.has(entry.name) ? [] : filesUnder(path, keep);
    return keep(entry.name) ? [path] : [];
  });
}

function codeFiles(): string[] {
  const rootFiles = readdirSync(ROOT).filter(
    (name) => statSync(name).isFile() && CODE_FILE.test(name) && name !== 'package-lock.json',
  );
  return [...rootFiles, ...CODE_DIRS.flatMap((dir) => filesUnder(dir, (name) => CODE_FILE.test(name)))]
    .filter((file) => file !== SELF)
    .filter((file) => !file.endsWith('.generated.ts') && !file.includes(join('engine', 'schema', 'k8s-')));
}

/** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');
}

interface DocumentTargets {
  anchors: Set<string>;
  sections: Set<number>;
  headings: string[];
}

const targetsCache = new Map<string, DocumentTargets>();

function targetsOf(path: string): DocumentTargets {
  const cached = targetsCache.get(path);
  if (cached) return cached;
  const text = readFileSync(path, 'utf8');
  const anchors = new Set<string>();
  const sections = new Set<number>();
  const headings: string[] = [];
  for (const [, id = ''] of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(id);
  for (const [, heading = ''] of text.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    anchors.add(headingSlug(heading));
    headings.push(heading.trim());
    const numbered = /^(\d+)\.\s/.exec(heading);
    if (numbered) sections.add(Number(numbered[1]));
  }
  const targets = { anchors, sections, headings };
  targetsCache.set(path, targets);
  return targets;
}

/** The file a citation means: relative to the citing file, then to the repository, then in docs/. */
function resolveDocument(cited: string, from: string): string | undefined {
  return [join(dirname(from), cited), cited, join('docs', cited)].find((path) => existsSync(path));
}

/** Whether a quoted heading names one of the document's headings (`…` stands for any words). */
function hasHeading(targets: DocumentTargets, quoted: string): boolean {
  const pattern = quoted
    .split('…')
    .map((part) => part.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const heading = new RegExp(`^${pattern}$`, 'i');
  return targets.headings.some((text) => heading.test(text.replace(/`/g, '')));
}

function sectionsCited(list: string): number[] {
  return list.split(',').flatMap((part) => {
    const [first = 0, last = first] = [...part.matchAll(/§(\d+)/g)].map((m) => Number(m[1]));
    return Array.from({ length: last - first + 1 }, (_, i) => first + i);
  });
}

/** Problems with the Markdown citations in one file, as `file:line: why`. */
function brokenCitations(file: string, resolveIn: (cited: string) => string | undefined): string[] {
  const problems: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      const where = `${file}:${index + 1}`;
      if (OUTSIDE_DOCUMENTS.test(line)) problems.push(`${where}: cites a document outside the repository`);
      for (const [, cited = '', anchor, sections, quoted] of line.matchAll(MD_CITATION)) {
        const path = resolveIn(cited);
        if (!path) {
          problems.push(`${where}: ${cited} does not exist`);
          continue;
        }
        const targets = targetsOf(path);
        if (anchor && !targets.anchors.has(anchor)) problems.push(`${where}: ${cited} has no #${anchor}`);
        if (quoted && !hasHeading(targets, quoted))
          problems.push(`${where}: ${cited} has no heading "${quoted}"`);
        for (const section of sections ? sectionsCited(sections) : []) {
          if (!targets.sections.has(section)) problems.push(`${where}: ${cited} has no section ${section}`);
        }
      }
    });
  return problems;
}

/** Relative links in Markdown prose: `[text](path.md#anchor)` or `[text](#anchor)`. */
function brokenMarkdownLinks(file: string): string[] {
  const problems: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, index) => {
      for (const [, target = ''] of line.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/i.test(target)) continue;
        const [path = '', anchor] = target.split('#');
        const resolved = path === '' ? file : join(dirname(file), path);
        const where = `${file}:${index + 1}`;
        if (!existsSync(resolved)) {
          problems.push(`${where}: ${target} does not exist`);
        } else if (anchor && resolved.endsWith('.md') && !targetsOf(resolved).anchors.has(anchor)) {
          problems.push(`${where}: ${relative(ROOT, resolved)} has no #${anchor}`);
        }
      }
    });
  return problems;
}

describe('citations in the code', () => {
  it('name documents in the repository, with the anchors and sections they cite', () => {
    const files = codeFiles();
    expect(files.length).toBeGreaterThan(100);
    const problems = files.flatMap((file) => brokenCitations(file, (cited) => resolveDocument(cited, file)));
    expect(problems).toEqual([]);
  });

  it('are found: the checker sees a good citation and reports a bad one', () => {
    expect(resolveDocument('kubernetes-facts.md', 'src/engine/x.ts')).toBe(
      join('docs', 'kubernetes-facts.md'),
    );
    expect(targetsOf(join('docs', 'kubernetes-facts.md')).anchors.has('dns')).toBe(true);
    expect(sectionsCited('§6–§8, §10')).toEqual([6, 7, 8, 10]);
    const line = (text: string) => [...text.matchAll(MD_CITATION)].map((m) => [m[1], m[2], m[3], m[4]]);
    expect(line('see docs/kubernetes-facts.md#dns and LINKS.md')).toEqual([
      ['docs/kubernetes-facts.md', 'dns', undefined, undefined],
      ['LINKS.md', undefined, undefined, undefined],
    ]);
    expect(line('(docs/kubernetes-facts.md §15–§17, §22)')).toEqual([
      ['docs/kubernetes-facts.md', undefined, '§15–§17, §22', undefined],
    ]);
    expect(line('(docs/testing.md, "Where the time goes")')).toEqual([
      ['docs/testing.md', undefined, undefined, 'Where the time goes'],
    ]);
    const testing = targetsOf(join('docs', 'testing.md'));
    expect(hasHeading(testing, 'Where the time goes')).toBe(true);
    expect(hasHeading(testing, 'Where … goes')).toBe(true);
    expect(hasHeading(testing, 'Where the time went')).toBe(false);
    expect(line('https://github.com/kubernetes/dns/blob/master/docs/specification.md')).toEqual([]);
    expect(OUTSIDE_DOCUMENTS.test(`(${OUTSIDE_NAMES[1]} §3)`)).toBe(true);
    expect(OUTSIDE_DOCUMENTS.test(`see ${OUTSIDE_FOLDER}/ for details`)).toBe(true);
    expect(OUTSIDE_DOCUMENTS.test(`see ${md('STACK')}`)).toBe(true);
    expect(OUTSIDE_DOCUMENTS.test(['DESIGN', 'md'].join('x'))).toBe(false);
    expect(OUTSIDE_DOCUMENTS.test('const NAMED_PEERS = 12;')).toBe(false);
  });
});

describe('links in the documentation', () => {
  it('point at files and anchors that exist', () => {
    const markdown = [
      'README.md',
      ...filesUnder('docs', (name) => name.endsWith('.md')),
      ...filesUnder('src', (name) => name.endsWith('.md')),
    ];
    expect(markdown.flatMap(brokenMarkdownLinks)).toEqual([]);
  });
});
