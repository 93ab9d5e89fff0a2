/**
 * The `pod-template-hash` a Deployment gives its ReplicaSet (pkg/controller/controller_utils.go
 * ComputeHash): a 32-bit FNV-1a hash of the pod template, printed in decimal and passed through
 * rand.SafeEncodeString, which maps each byte onto `bcdfghjklmnpqrstvwxz2456789`; digits therefore
 * become the characters 4-9 and b, c, d, f, as in real names like `coredns-7db6d8ff4d`.
 * Kubernetes hashes the Go struct dump; we hash a canonical JSON of the same template, so the value is
 * stable for a template but not byte-identical to a real cluster's.
 */
import type { PodTemplate } from '../model/objects.ts';

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value as Record<string, unknown>)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function fnv32a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i) & 0xff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

export function safeEncodeString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += SAFE_ALPHABET[text.charCodeAt(i) % SAFE_ALPHABET.length];
  return out;
}

/** Memo by template object: a Deployment's template is hashed on every controller pass. */
const memo = new WeakMap<PodTemplate, string>();

export function computePodTemplateHash(template: PodTemplate, collisionCount = 0): string {
  if (collisionCount === 0) {
    const known = memo.get(template);
    if (known !== undefined) return known;
  }
  const text = canonicalJson(template) + (collisionCount > 0 ? String(collisionCount) : '');
  const hash = safeEncodeString(String(fnv32a(text)));
  if (collisionCount === 0) memo.set(template, hash);
  return hash;
}
