/**
 * The translate function the graph's cards use, read once by the graph and handed down through a
 * context. react-i18next's `useTranslation` copies the i18n instance's properties into a wrapper for
 * every component that mounts it (react-i18next 17, `createI18nWrapper`): a pod card called it three
 * times (card, face, badge), and mounting the pasted 1,000-pod scenario spent about 430 ms of a
 * traced 2.4 s render in it (docs/performance.md, "The paste at 1,000 pods"). The graph's own
 * `useTranslation` re-renders it when the language changes, and a new `t` reaches every card.
 */
import { createContext, useContext } from 'react';
import type { TFunction } from 'i18next';
import i18next from 'i18next';

// Outside a graph (a card rendered on its own) the app's i18next instance translates.
const CardTextContext = createContext<TFunction>(i18next.t.bind(i18next));
export const CardTextProvider = CardTextContext.Provider;

/** The graph's translate function, for a card. */
export function useCardText(): TFunction {
  return useContext(CardTextContext);
}

/** Translations already made, per translate function (a new language brings a new `t`). */
const translated = new WeakMap<TFunction, Map<string, string>>();
/** Beyond this many texts the memo starts again: typing labels must not grow it without end. */
const MEMO_LIMIT = 5000;

/**
 * `t(key, { [name]: value })`, translated once per text and language. The pods of one workload share
 * their labels, so the 1,000 pods of the pasted scenario ask for about 200 distinct titles; translated
 * per pod, i18next's interpolation was most of a pod card's own render time when the scenario mounted
 * (docs/performance.md, "The paste at 1,000 pods").
 */
export function translateOnce(t: TFunction, key: string, name: string, value: string): string {
  let memo = translated.get(t);
  if (!memo || memo.size >= MEMO_LIMIT) {
    memo = new Map();
    translated.set(t, memo);
  }
  const id = `${key}\u0000${name}\u0000${value}`;
  let text = memo.get(id);
  if (text === undefined) {
    text = t(key, { [name]: value });
    memo.set(id, text);
  }
  return text;
}
