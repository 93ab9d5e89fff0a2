import { describe, it, expect } from 'vitest';
import { deflateSync } from 'fflate';
import { inflateCapped } from './inflateCapped.ts';

const dictionary = new TextEncoder().encode('apiVersion: v1\nkind: Service\n');

/** Text that does not compress to nothing, so the stream spans many output chunks. */
function bigYaml(services: number): Uint8Array {
  let text = '';
  for (let i = 0; i < services; i++) {
    text += `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${(i * 2654435761) % 1000003}\n---\n`;
  }
  return new TextEncoder().encode(text);
}

describe('inflateCapped', () => {
  it('inflates a stream far longer than its 32 KiB window exactly', () => {
    const data = bigYaml(20_000);
    expect(data.length).toBeGreaterThan(1_000_000);
    const result = inflateCapped(deflateSync(data, { dictionary }), dictionary, 2 * 1024 * 1024);
    if (!result.ok) throw new Error(result.message);
    // Compared as text: toEqual on a megabyte Uint8Array walks it element by element (seconds).
    const same = new TextDecoder().decode(result.bytes) === new TextDecoder().decode(data);
    expect(same).toBe(true);
  });

  it('allows exactly the cap and refuses one byte more', () => {
    const data = bigYaml(100);
    const compressed = deflateSync(data, { dictionary });
    expect(inflateCapped(compressed, dictionary, data.length)).toMatchObject({ ok: true });
    expect(inflateCapped(compressed, dictionary, data.length - 1)).toMatchObject({
      ok: false,
      reason: 'too-large',
    });
  });

  it('says truncated when the stream stops early, corrupt when it is garbage', () => {
    const compressed = deflateSync(bigYaml(100), { dictionary });
    expect(inflateCapped(compressed.subarray(0, 40), dictionary, 1 << 20)).toMatchObject({
      ok: false,
      reason: 'truncated',
    });
    expect(inflateCapped(new Uint8Array(0), dictionary, 1 << 20)).toMatchObject({
      ok: false,
      reason: 'truncated',
    });
    expect(inflateCapped(new Uint8Array([0xff, 0xff, 0xff, 0xff]), dictionary, 1 << 20)).toMatchObject({
      ok: false,
    });
  });

  it('needs the same dictionary', () => {
    const compressed = deflateSync(new TextEncoder().encode('kind: Service\nkind: Service\n'), {
      dictionary,
    });
    const other = new TextEncoder().encode('something else entirely, of a similar length.');
    const result = inflateCapped(compressed, other, 1 << 20);
    expect(result.ok && new TextDecoder().decode(result.bytes)).not.toBe('kind: Service\nkind: Service\n');
  });
});
