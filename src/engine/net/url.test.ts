import { describe, it, expect } from 'vitest';
import { defaultHostHeader, parseUrl } from './url.ts';

describe('parseUrl', () => {
  it('reads URLs as curl does', () => {
    expect(parseUrl('kubia.example.com/foo')).toMatchObject({
      scheme: 'http',
      host: 'kubia.example.com',
      port: 80,
      path: '/foo',
    });
    expect(parseUrl('https://Kubia:8443')).toMatchObject({
      scheme: 'https',
      host: 'kubia',
      port: 8443,
      path: '/',
    });
    expect(parseUrl('http://10.96.0.1:80/x?y=1')).toMatchObject({ isIp: true, path: '/x?y=1' });
    expect(parseUrl('ftp://x')).toBeUndefined();
    expect(parseUrl('http://x:99999/')).toBeUndefined();
    expect(parseUrl('')).toBeUndefined();
  });
  it('sends the port in Host only when it is not the scheme default', () => {
    expect(defaultHostHeader(parseUrl('http://kubia:80/')!)).toBe('kubia');
    expect(defaultHostHeader(parseUrl('https://kubia:443/')!)).toBe('kubia');
    expect(defaultHostHeader(parseUrl('http://kubia:8080/')!)).toBe('kubia:8080');
    expect(defaultHostHeader(parseUrl('https://kubia:80/')!)).toBe('kubia:80');
  });
});
