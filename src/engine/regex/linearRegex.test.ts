import { describe, expect, it } from 'vitest';
import { performance } from 'node:perf_hooks';
import { compileLinearRegex } from './linearRegex.ts';
import { pathMatches } from '../net/ingress/pathMatch.ts';

const EVIL: [string, string][] = [
  ['(x|x)*y', 'x'.repeat(30000)],
  ['^(?:x|x)*$', `${'x'.repeat(30000)}!`],
  ['(\\s|\\s)*$', `${' '.repeat(30000)}!`],
  ['^(a|aa)+b$', 'a'.repeat(30000)],
  ['^(\\d|\\d\\d)+$', `${'1'.repeat(30000)}x`],
];

describe('linear-time regular expressions (RE2)', () => {
  it('patterns that backtrack exponentially in JavaScript answer at once on long inputs', () => {
    for (const [pattern, input] of EVIL) {
      const re = compileLinearRegex(pattern, { multiline: true });
      expect(re.ok).toBe(true);
      const start = performance.now();
      if (re.ok) re.test(input);
      expect(performance.now() - start, pattern).toBeLessThan(1500);
    }
  });

  it('matches as RegExp does on ordinary patterns, flags included', () => {
    const re = compileLinearRegex('^kubectl get (pods|po)\\b', { multiline: true });
    expect(re.ok && re.test('$ ls\nkubectl get po -o wide')).toBe(true);
    const ci = compileLinearRegex('KUBIA', { ignoreCase: true });
    expect(ci.ok && ci.test('you have hit kubia-x')).toBe(true);
  });

  it('backreferences and lookaround are refused with a message that says why', () => {
    for (const pattern of ['(a)\\1', 'a(?=b)', '(?<!x)y']) {
      const re = compileLinearRegex(pattern);
      expect(re.ok).toBe(false);
      if (!re.ok) expect(re.error).toContain('RE2 syntax, which has no backreferences or lookaround');
    }
  });

  it('an Ingress regex path in ingress-nginx regex mode cannot hang routing', () => {
    const start = performance.now();
    expect(pathMatches('ImplementationSpecific', '/(a|aa)+b$', `/${'a'.repeat(30000)}`, true)).toBe(false);
    expect(performance.now() - start).toBeLessThan(1500);
    expect(pathMatches('ImplementationSpecific', '/api/v[0-9]+', '/API/v2/users', true)).toBe(true);
    expect(pathMatches('ImplementationSpecific', '/(a)\\1', '/aa', true)).toBe(false);
  });
});
