/**
 * A `t` function for unit tests of text that the page translates: a private i18next instance with both
 * languages loaded at once (the app loads Chinese lazily, src/i18n/index.ts), so a test can read either.
 */
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { en } from '../en.ts';
import { zhCN } from '../zhCN.ts';

export function translator(lng: 'en' | 'zh-CN'): TFunction {
  const i18n = i18next.createInstance();
  void i18n.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18n.t;
}
