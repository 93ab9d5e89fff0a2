/**
 * Adds the English texts of the parts that load on demand (enLater.ts) to i18next. Every module that
 * uses one of those keys imports this file, so its chunk brings the texts and they are in place before
 * it renders; laterTexts.test.ts checks that no such module forgets. The first load never imports it.
 */
import i18next from 'i18next';
import type { i18n } from 'i18next';
import { enLater } from './enLater.ts';

/** Adds the texts to `instance` now if it has started, else as soon as it has. */
export function addLaterTexts(instance: i18n): void {
  // deep: `library` has keys in both halves; overwrite: false keeps the first load's texts as they are.
  const add = () => instance.addResourceBundle('en', 'translation', enLater, true, false);
  if (instance.isInitialized) add();
  else instance.on('initialized', add);
}

addLaterTexts(i18next);
