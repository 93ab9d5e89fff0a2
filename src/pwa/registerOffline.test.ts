// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerOffline } from './registerOffline.ts';

function fakeServiceWorker(register: (url: string) => Promise<unknown>): { register: typeof register } {
  const container = { register: vi.fn(register) };
  Object.defineProperty(navigator, 'serviceWorker', { value: container, configurable: true });
  return container;
}

afterEach(() => {
  Reflect.deleteProperty(navigator, 'serviceWorker');
  vi.restoreAllMocks();
});

// jsdom has finished loading by the time a test runs; the app calls registerOffline earlier.
function beforeLoad(): void {
  vi.spyOn(document, 'readyState', 'get').mockReturnValue('loading');
}

describe('registerOffline', () => {
  it('registers the generated sw.js once the page has loaded, in production', () => {
    const sw = fakeServiceWorker(() => Promise.resolve({}));
    beforeLoad();
    registerOffline(true);
    expect(sw.register).not.toHaveBeenCalled();
    window.dispatchEvent(new Event('load'));
    expect(sw.register).toHaveBeenCalledWith('/sw.js', { scope: '/' });
  });

  it('never registers outside production (vite dev would serve stale modules)', () => {
    const sw = fakeServiceWorker(() => Promise.resolve({}));
    registerOffline(false);
    window.dispatchEvent(new Event('load'));
    expect(sw.register).not.toHaveBeenCalled();
  });

  it('swallows a failed registration: no unhandled rejection, no error shown', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const sw = fakeServiceWorker(() => Promise.reject(new Error('SecurityError')));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    registerOffline(true);
    window.dispatchEvent(new Event('load'));
    await new Promise((r) => setImmediate(r));
    process.off('unhandledRejection', unhandled);
    expect(sw.register).toHaveBeenCalled();
    expect(unhandled).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('does nothing in a browser without service workers', () => {
    expect('serviceWorker' in navigator).toBe(false);
    expect(() => {
      registerOffline(true);
      window.dispatchEvent(new Event('load'));
    }).not.toThrow();
  });
});
