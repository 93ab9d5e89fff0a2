import { describe, it, expect } from 'vitest';
import LZString from 'lz-string';
import { decodeScenario, encodeScenario, MAX_LINK_CHARS } from './index.ts';
import type { DecodeResult, SharedScenario } from './index.ts';
import { encodePayloadV1 } from './codecV1.ts';

const scenario: SharedScenario = {
  yaml: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\nspec:\n  selector:\n    app: kubia\n',
  seed: 3,
  actions: [
    { type: 'scale', kind: 'ReplicationController', namespace: 'default', name: 'kubia', replicas: 5 },
  ],
};
const link = encodeScenario(scenario);
const z1 = (payload: string) => encodePayloadV1(new TextEncoder().encode(payload));
const lz = (json: string) => 'lz.' + LZString.compressToEncodedURIComponent(json);
const codeOf = (result: DecodeResult) => (result.ok ? 'ok' : result.error.code);

describe('decoding hostile links never throws and says why', () => {
  it('refuses empty and non-kubeplay text', () => {
    expect(codeOf(decodeScenario(''))).toBe('empty');
    expect(codeOf(decodeScenario('#'))).toBe('empty');
    expect(codeOf(decodeScenario(undefined as unknown as string))).toBe('empty');
    expect(codeOf(decodeScenario('hello world'))).toBe('unknown-version');
  });

  it('names a format from a newer kubeplay', () => {
    const result = decodeScenario('z9.AAAA');
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-version' } });
    expect(!result.ok && result.error.message).toContain('z9');
  });

  it('refuses characters outside base64url', () => {
    expect(codeOf(decodeScenario('z1.abc$def'))).toBe('corrupt');
    expect(codeOf(decodeScenario('z1.A'))).toBe('corrupt');
  });

  it('reports every truncation as an error, most as truncated', () => {
    const codes = new Set<string>();
    for (let cut = 3; cut < link.length; cut++) codes.add(codeOf(decodeScenario(link.slice(0, cut))));
    expect(codes.has('ok')).toBe(false);
    expect(codes.has('truncated')).toBe(true);
  });

  it('never accepts a changed character as a different scenario', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 3; i < link.length; i++) {
      const swapped = alphabet[(alphabet.indexOf(link[i]!) + 17) % 64]!;
      const result = decodeScenario(link.slice(0, i) + swapped + link.slice(i + 1));
      // Only the unused low bits of the last character may change without changing the bytes.
      if (result.ok) expect(result.scenario).toEqual(scenario);
    }
  });

  it('refuses a link longer than any real one without decoding it', () => {
    expect(codeOf(decodeScenario('z1.' + 'A'.repeat(MAX_LINK_CHARS + 1)))).toBe('too-long');
  });

  // A backtracking matcher would not finish on this within the test timeout; speed itself is the
  // benches' business (npm run bench:share), not a timed assertion that fails on a busy machine.
  it('does not backtrack on a long run of punctuation (no regex hang)', () => {
    expect(codeOf(decodeScenario('z1.' + '.'.repeat(400_000) + 'A'))).toBe('corrupt');
  });

  it('stops a deflate bomb at the size cap', () => {
    const bomb = z1('a'.repeat(20 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(40_000);
    expect(codeOf(decodeScenario(bomb))).toBe('too-large');
  });

  it('stops an lz-string bomb (quadratic expansion) at the size cap', () => {
    const bomb = lz('a'.repeat(1_100_000));
    expect(bomb.length).toBeLessThan(10_000);
    expect(codeOf(decodeScenario(bomb))).toBe('too-large');
  });

  it('refuses __proto__, constructor and prototype keys anywhere, and pollutes nothing', () => {
    const hostile = [
      z1('kind: Pod\0{"__proto__":{"polluted":1}}'),
      z1('kind: Pod\0{"l":{"__proto__":[1,2]}}'),
      z1('kind: Pod\0{"a":[["l","po","x",{"constructor":"y"},[]]]}'),
      z1('kind: Pod\0{"v":{"prototype":1}}'),
      lz('{"yaml":"","__proto__":{"polluted":1}}'),
      lz('{"yaml":"","layout":{"constructor":{"x":1,"y":2}}}'),
    ];
    for (const text of hostile) expect(codeOf(decodeScenario(text))).toBe('unsafe-key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses wrong types with the path of the bad field', () => {
    const cases: Array<[string, string]> = [
      [z1('x\0{"s":"1"}'), 'seed'],
      [z1('x\0{"s":1.5}'), 'seed'],
      [z1('x\0{"a":[["s","rc","kubia",-1]]}'), 'actions[0].replicas'],
      [z1('x\0{"a":[["s","svc","kubia",1]]}'), 'actions[0].kind'],
      [z1('x\0{"a":[["n","kind-worker",2]]}'), 'actions[0].up'],
      [z1('x\0{"a":[["?"]]}'), 'actions[0]'],
      [z1('x\0{"a":[["c","a","b"]]}'), 'actions[0]'],
      [z1('x\0{"a":{}}'), 'actions'],
      [z1('x\0{"a":[' + Array(10_001).fill('["c","a"]').join(',') + ']}'), 'actions'],
      [z1('x\0{"a":[["a","kind: Pod"]]}'), 'actions[0].yaml'],
      [z1('x\0{"a":[["a",-1]]}'), 'actions[0].yaml'],
      [z1('x\0{"l":{"pod/default/a":[1,"2"]}}'), 'layout.pod/default/a.y'],
      [z1('x\0{"L":["intro",-1]}'), 'lesson.step'],
      [z1('x\0{"v":{"c":[0,0,0]}}'), 'view.camera.zoom'],
      [lz('{"yaml":1}'), 'yaml'],
      [lz('{"yaml":"","actions":[{"type":"wait","seconds":-5}]}'), 'actions[0].seconds'],
      [lz('{"yaml":"","actions":[{"type":"eval","code":"alert(1)"}]}'), 'actions[0].type'],
    ];
    for (const [text, path] of cases) {
      const result = decodeScenario(text);
      expect(result, path).toMatchObject({ ok: false, error: { code: 'invalid', path } });
    }
  });

  it('refuses data that is not UTF-8 or not JSON', () => {
    expect(codeOf(decodeScenario(encodePayloadV1(new Uint8Array([0x6b, 0xff, 0xfe]))))).toBe('corrupt');
    expect(codeOf(decodeScenario(z1('x\0{not json')))).toBe('corrupt');
    expect(codeOf(decodeScenario(z1('x\0[1,2]')))).toBe('invalid');
    expect(codeOf(decodeScenario('lz.' + LZString.compressToEncodedURIComponent('not json')))).toBe(
      'corrupt',
    );
    expect(codeOf(decodeScenario('lz.%E0%A4%A'))).toBe('corrupt');
  });

  it('survives JSON nested a million levels deep and megabyte-long keys', () => {
    const deep = 900_000;
    expect(codeOf(decodeScenario(z1('x\0{"a":' + '['.repeat(deep) + ']'.repeat(deep) + '}')))).toBe(
      'invalid',
    );
    expect(
      codeOf(decodeScenario(z1('x\0{"l":' + '{"a":'.repeat(deep / 5) + '1' + '}'.repeat(deep / 5) + '}'))),
    ).toBe('invalid');
    const result = decodeScenario(z1(`x\0{"l":{"${'k'.repeat(1_000_000)}":[1,"y"]}}`));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(!result.ok && result.error.message.length).toBeLessThan(200);
  });

  it('keeps script in names as inert text', () => {
    const xss = '<img src=x onerror="globalThis.hacked=1">';
    const s: SharedScenario = {
      yaml: `metadata:\n  name: "${xss}"\n`,
      seed: 1,
      actions: [{ type: 'client', name: xss }],
      view: { selected: `pod/default/${xss}` },
    };
    expect(decodeScenario(encodeScenario(s))).toEqual({ ok: true, scenario: s });
    expect((globalThis as Record<string, unknown>).hacked).toBeUndefined();
  });

  it('drops unknown fields instead of carrying them into the app', () => {
    const result = decodeScenario(lz('{"yaml":"","extra":1,"view":{"embed":true,"theme":"x"}}'));
    expect(result).toEqual({ ok: true, scenario: { yaml: '', seed: 1, actions: [], view: { embed: true } } });
  });
});
