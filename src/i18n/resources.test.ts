import { describe, it, expect } from 'vitest';
import { en } from './en.ts';
import { enLater } from './enLater.ts';
import { zhCN } from './zhCN.ts';

const leaves = (tree: Record<string, Record<string, string>>) =>
  Object.entries(tree).flatMap(([group, texts]) =>
    Object.entries(texts).map(([key, text]): [string, string] => [`${group}.${key}`, text]),
  );

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

/** Both English halves, merged group by group as laterTexts.ts merges them into i18next. */
const english: Record<string, Record<string, string>> = { ...en };
for (const [group, texts] of Object.entries(enLater)) english[group] = { ...english[group], ...texts };

describe('i18n resources', () => {
  it('has every English key in Chinese, none empty, with the same {{placeholders}}', () => {
    const zh = new Map(leaves(zhCN));
    for (const [key, text] of leaves(english)) {
      const translated = zh.get(key);
      expect(translated, key).toBeTruthy();
      expect(placeholders(translated ?? ''), key).toEqual(placeholders(text));
    }
    expect(zh.size).toBe(leaves(english).length);
  });
});
