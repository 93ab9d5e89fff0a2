import { describe, expect, it } from 'vitest';
import { createParseCache, parseManifestsCached } from '../parse/parseCache.ts';
import { readDocumentSlots } from './documentSlots.ts';

const TEXT = `apiVersion: v1
kind: Service
metadata:
  name: a
spec:
  ports: [{ port: 80 }]
---
apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Service
    metadata:
      name: b
    spec:
      ports: [{ port: 80 }]
---
kind: Service
metadata:
  name: broken
spec: [
`;

describe('readDocumentSlots', () => {
  it('reads the same slots from a cached parse as from the text, after documents moved', () => {
    const cache = createParseCache();
    for (const text of [TEXT, `# moved\n\n${TEXT}`, TEXT.replace('spec: [\n', 'spec: {}\n')]) {
      const files = [{ file: 'f.yaml', text }];
      const parsed = parseManifestsCached(files, cache);
      expect(readDocumentSlots(files, parsed.chunks)).toEqual(readDocumentSlots(files));
    }
  });
});
