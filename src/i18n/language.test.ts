import { describe, it, expect } from 'vitest';
import { detectLanguage, toLanguage, toLessonLanguage } from './language.ts';

describe('language', () => {
  it('follows the browser: any zh tag is Simplified Chinese, anything else English', () => {
    expect(toLanguage('zh-CN')).toBe('zh-CN');
    expect(toLanguage('zh')).toBe('zh-CN');
    expect(toLanguage('ZH-tw')).toBe('zh-CN');
    expect(toLanguage('en-GB')).toBe('en');
    expect(toLanguage('fr')).toBe('en');
    expect(toLanguage(undefined)).toBe('en');
  });

  it('prefers the saved choice, and ignores a saved value that is not ours', () => {
    expect(detectLanguage('en', 'zh-CN')).toBe('en');
    expect(detectLanguage('zh-CN', 'en-US')).toBe('zh-CN');
    expect(detectLanguage('klingon', 'zh-HK')).toBe('zh-CN');
    expect(detectLanguage(null, 'de')).toBe('en');
  });

  it('maps to the lesson files’ language keys', () => {
    expect(toLessonLanguage('zh-CN')).toBe('zh');
    expect(toLessonLanguage('en')).toBe('en');
  });
});
