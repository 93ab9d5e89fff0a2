/**
 * i18next for the page's chrome (react-i18next binds it). Two languages: English and Simplified
 * Chinese. The choice is saved in localStorage and mirrored on `<html lang>`, so screen readers and
 * CJK font fallback follow it. Terminal and engine output are never translated.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { detectLanguage, LANGUAGE_STORAGE_KEY } from './language.ts';
import type { Language } from './language.ts';
import { zhCN } from './zhCN.ts';

export type { Language } from './language.ts';
export { LANGUAGES, toLessonLanguage } from './language.ts';

function readSaved(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function showLanguage(language: string): void {
  document.documentElement.lang = language;
}

/** Starts i18next in the language saved or the browser's; call once before the first render. */
export function initI18n(): typeof i18next {
  const language = detectLanguage(readSaved(), navigator.language);
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN'],
    // React escapes text itself.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  showLanguage(language);
  return i18next;
}

/** Switches the page's language, remembers it and updates `<html lang>`. */
export function setLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  showLanguage(language);
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // no storage: the choice lasts for this page only
  }
}
