import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { enLater } from './enLater.ts';
import { addLaterTexts } from './laterTexts.ts';

const SRC = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const leafKeys = (tree: Record<string, Record<string, string>>) =>
  Object.entries(tree).flatMap(([group, texts]) => Object.keys(texts).map((key) => `${group}.${key}`));

/** A key as code writes it: i18next adds the plural suffix itself (`library.pods` -> `library.pods_one`). */
const asWritten = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('the texts of parts that load on demand', () => {
  it('are imported by every module that uses one of their keys, so they are there before it renders', () => {
    const later = new Set(leafKeys(enLater).map(asWritten));
    const firstLoadGroups = new Set(Object.keys(en));
    const wholeGroups = Object.keys(enLater).filter((g) => !firstLoadGroups.has(g));
    const missing: string[] = [];
    for (const file of sourceFiles(SRC)) {
      if (file.includes(`${join('src', 'i18n')}`)) continue;
      const text = readFileSync(file, 'utf8');
      const literals = [...text.matchAll(/['"`]([a-zA-Z]+\.[a-zA-Z_]+)(?![\w.])/g)].map((m) => m[1] ?? '');
      const uses =
        literals.some((k) => later.has(asWritten(k))) || wholeGroups.some((g) => text.includes(`\`${g}.\${`));
      if (uses && !/^import '[./]+i18n\/laterTexts\.ts';$/m.test(text)) missing.push(relative(SRC, file));
    }
    expect(missing).toEqual([]);
  });

  it('do not repeat a key of the first load', () => {
    const first = new Set(leafKeys(en));
    expect(leafKeys(enLater).filter((k) => first.has(k))).toEqual([]);
  });

  // A fresh instance each: the page's own i18next is shared by every test file of a worker.
  it('are added to English once i18next has started, beside the first load’s texts', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en } }, lng: 'en', initAsync: false });
    expect(i18n.exists('library.title')).toBe(false);
    addLaterTexts(i18n);
    expect(i18n.t('library.title')).toBe(enLater.library.title);
    expect(i18n.t('library.button')).toBe(en.library.button);
    expect(i18n.t('library.pods', { count: 2 })).toBe('2 pods');
  });

  it('wait for i18next to start when they come first', async () => {
    const i18n = i18next.createInstance();
    addLaterTexts(i18n);
    expect(i18n.isInitialized).not.toBe(true);
    await i18n.init({ resources: { en: { translation: en } }, lng: 'en', initAsync: false });
    expect(i18n.t('share.dismiss')).toBe(enLater.share.dismiss);
  });
});
