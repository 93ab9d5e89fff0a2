/**
 * The teacher's QR code must scan from the back of a room: the whole URL of the default scenario
 * with a few actions fits a version 12 QR code (65×65 modules, up to 287 bytes) at error-correction
 * level M (today it needs version 8), and a QR decoder reads back exactly the link, which then
 * decodes to the scenario.
 */
import { describe, it, expect } from 'vitest';
import QRCode from 'qrcode';
import jsQR from 'jsqr';
import { decodeScenario, toShareUrl } from './index.ts';
import type { SharedScenario } from './index.ts';

const bundled = import.meta.glob<string>('../scenarios/kubia.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Draws the QR's modules as black and white pixels, with the standard 4-module quiet zone. */
function toPixels(code: QRCode.QRCode, scale: number): { data: Uint8ClampedArray; width: number } {
  const size = code.modules.size;
  const width = (size + 8) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!code.modules.get(row, col)) continue;
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const at = (((row + 4) * scale + dy) * width + (col + 4) * scale + dx) * 4;
          data[at] = data[at + 1] = data[at + 2] = 0;
        }
      }
    }
  }
  return { data, width };
}

describe('share link as a QR code', () => {
  it('fits version 12 at level M and scans back to the same scenario', () => {
    const yaml = Object.values(bundled)[0];
    expect(yaml).toBeDefined();
    const scenario: SharedScenario = {
      yaml: yaml ?? '',
      seed: 42,
      actions: [
        { type: 'scale', kind: 'ReplicationController', namespace: 'default', name: 'kubia', replicas: 5 },
        { type: 'podReady', namespace: 'default', name: 'kubia-x7k2p', ready: false },
        { type: 'node', name: 'kind-worker', up: false },
      ],
      lesson: { id: 'services', step: 3 },
    };
    const url = toShareUrl('https://kubeplay.example.org/', scenario);
    const code = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(code.version).toBeLessThanOrEqual(12);
    const { data, width } = toPixels(code, 4);
    const scanned = jsQR(data, width, width);
    expect(scanned?.data).toBe(url);
    expect(decodeScenario(scanned?.data ?? '')).toEqual({ ok: true, scenario });
  });
});
