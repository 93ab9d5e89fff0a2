/**
 * Which language the page speaks: the one chosen last time (localStorage), else the browser's
 * (`navigator.language` `zh…` -> Simplified Chinese), else English. Pure, so it is tested without a DOM.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'kubeplay.language';

/** A language tag from the browser (`zh-TW`, `en-GB`, `zh`) mapped onto the two we have. */
export function toLanguage(tag: string | null | undefined): Language {
  return tag?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A saved choice wins when it is one of ours; otherwise the browser's language decides. */
export function detectLanguage(
  saved: string | null | undefined,
  browser: string | null | undefined,
): Language {
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return toLanguage(browser);
}

/** Lesson files hold `en` and `zh` texts. */
export function toLessonLanguage(language: Language): 'en' | 'zh' {
  return language === 'zh-CN' ? 'zh' : 'en';
}
