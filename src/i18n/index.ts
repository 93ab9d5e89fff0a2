/**
 * i18next for the page's chrome (react-i18next binds it). Two languages: English and Simplified
 * Chinese. The choice is saved in localStorage and mirrored on `<html lang>`, so screen readers and
 * CJK font fallback follow it. Terminal and engine output are never translated. The Chinese texts load
 * when first needed (a small chunk), keeping them out of the page's initial JavaScript.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { detectLanguage, LANGUAGE_STORAGE_KEY } from './language.ts';
import type { Language } from './language.ts';

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

async function loadLanguage(language: Language): Promise<void> {
  if (language !== 'zh-CN' || i18next.hasResourceBundle('zh-CN', 'translation')) return;
  const { zhCN } = await import('./zhCN.ts');
  i18next.addResourceBundle('zh-CN', 'translation', zhCN);
}

/** Starts i18next in the language saved or the browser's; await it once before the first render. */
export async function initI18n(): Promise<typeof i18next> {
  const language = detectLanguage(readSaved(), navigator.language);
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: language,
    fallbackLng: 'en',
    supportedLngs: ['en', 'zh-CN'],
    // React escapes text itself.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  let shown: Language = language;
  try {
    await loadLanguage(language);
  } catch {
    // The chunk could not load (offline before the first full visit): the page opens in English.
    shown = 'en';
  }
  void i18next.changeLanguage(shown);
  showLanguage(shown);
  return i18next;
}

/** Switches the page's language (once its texts are loaded), remembers it and updates `<html lang>`. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    await loadLanguage(language);
  } catch {
    return; // the texts could not load: stay in the language shown
  }
  await i18next.changeLanguage(language);
  showLanguage(language);
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // no storage: the choice lasts for this page only
  }
}
