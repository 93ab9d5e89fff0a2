import { describe, it, expect } from 'vitest';
import {
  parsePublicBase,
  reachOfHost,
  reachOfUrl,
  readSavedPublicBase,
  savePublicBase,
  SHARE_BASE_STORAGE_KEY,
} from './linkReach.ts';

describe('reachOfHost', () => {
  it('loopback names and addresses only reach this machine', () => {
    for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.1.2.3', '[::1]', '::1', '0.0.0.0'])
      expect(reachOfHost(host), host).toBe('this-machine');
  });

  it('private, link-local and unique-local addresses reach this network', () => {
    for (const host of [
      '10.0.0.5',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.20',
      '169.254.10.1',
      '100.64.0.1',
      '[fd12:3456::1]',
      'fc00::1',
      '[fe80::1]',
      'teacher-pc',
      'classroom.local',
    ])
      expect(reachOfHost(host), host).toBe('this-network');
  });

  it('public addresses and names reach anywhere', () => {
    for (const host of ['172.32.0.1', '8.8.8.8', '192.169.0.1', 'kubeplay.example.org', '[2001:db8::1]'])
      expect(reachOfHost(host), host).toBe('anywhere');
  });

  it('reads a whole URL', () => {
    expect(reachOfUrl('http://127.0.0.1:5173/')).toBe('this-machine');
    expect(reachOfUrl('https://school.example/kubeplay/')).toBe('anywhere');
    expect(reachOfUrl('not a url')).toBe('this-machine');
  });
});

describe('parsePublicBase', () => {
  it('keeps http(s) addresses, assumes http, drops query and fragment, ends a directory with /', () => {
    expect(parsePublicBase(' https://school.example/kubeplay ')).toEqual({
      ok: true,
      base: 'https://school.example/kubeplay/',
    });
    expect(parsePublicBase('192.168.1.20:5173')).toEqual({ ok: true, base: 'http://192.168.1.20:5173/' });
    expect(parsePublicBase('https://x.example/app/index.html?a=1#z1.q')).toEqual({
      ok: true,
      base: 'https://x.example/app/index.html',
    });
  });

  it('refuses what is no web address', () => {
    for (const typed of [
      '',
      '   ',
      'ftp://x.example/',
      'javascript:alert(1)',
      'http://',
      'https://u:p@x.example/',
    ])
      expect(parsePublicBase(typed).ok, typed).toBe(false);
  });
});

describe('the saved public address', () => {
  it('is remembered, forgotten, and re-checked on the way back', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    expect(readSavedPublicBase(storage)).toBeNull();
    savePublicBase(storage, 'https://school.example/kubeplay/');
    expect(readSavedPublicBase(storage)).toBe('https://school.example/kubeplay/');
    savePublicBase(storage, null);
    expect(readSavedPublicBase(storage)).toBeNull();
    map.set(SHARE_BASE_STORAGE_KEY, 'javascript:alert(1)');
    expect(readSavedPublicBase(storage)).toBeNull();
  });
});
