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
