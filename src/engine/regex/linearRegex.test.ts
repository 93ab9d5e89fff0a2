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
    // Each pattern as an Ingress path (`/` then the pattern, as a path must begin), its input as the
    // request path; nginx anchors a regex location at the start, so a leading `^` is dropped.
    for (const [pattern, input] of EVIL) {
      const start = performance.now();
      const path = `/${pattern.replace(/^\^/, '')}`;
      const matched = pathMatches('ImplementationSpecific', path, `/${input}`, true);
      expect(performance.now() - start, path).toBeLessThan(1500);
      expect(matched, path).toBe(false);
    }
    // The same paths still route what they describe.
    const SHORT = ['/xxy', '/xx', '/  ', '/aab', '/12'];
    EVIL.forEach(([pattern], i) =>
      expect(pathMatches('ImplementationSpecific', `/${pattern.replace(/^\^/, '')}`, SHORT[i]!, true)).toBe(
        true,
      ),
    );
    expect(pathMatches('ImplementationSpecific', '/api/v[0-9]+', '/API/v2/users', true)).toBe(true);
    expect(pathMatches('ImplementationSpecific', '/(a)\\1', '/aa', true)).toBe(false);
  });
});
