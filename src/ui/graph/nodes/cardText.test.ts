import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { TFunction } from 'i18next';
import { translateOnce } from './cardText.ts';

async function translator(lng: string, template: string): Promise<{ t: TFunction; calls: () => number }> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { [lng]: { translation: { pod: { labels: template } } } } });
  let n = 0;
  const t = ((...args: Parameters<TFunction>) => {
    n++;
    return i18n.t(...args);
  }) as unknown as TFunction;
  return { t, calls: () => n };
}

describe('translateOnce', () => {
  it('gives what t gives, asking t once per distinct text', async () => {
    const en = await translator('en', 'labels: {{labels}}');
    expect(translateOnce(en.t, 'pod.labels', 'labels', 'app=web')).toBe('labels: app=web');
    expect(translateOnce(en.t, 'pod.labels', 'labels', 'app=web')).toBe('labels: app=web');
    expect(translateOnce(en.t, 'pod.labels', 'labels', 'app=db')).toBe('labels: app=db');
    expect(en.calls()).toBe(2);
  });

  it('translates again for another language (a new t)', async () => {
    const en = await translator('en', 'labels: {{labels}}');
    const zh = await translator('zh', 'labels：{{labels}}');
    expect(translateOnce(en.t, 'pod.labels', 'labels', 'app=web')).toBe('labels: app=web');
    expect(translateOnce(zh.t, 'pod.labels', 'labels', 'app=web')).toBe('labels：app=web');
  });
});
