import { describe, expect, it } from 'vitest';
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
  // On 30,000 characters a backtracking engine needs on the order of 2^30000 steps for these: the
  // tests below end at all only because the engine is linear (the suite's per-test timeout is the
  // bound; how fast it is, is for the benches to say, not for a test on a shared machine).
  it('patterns that backtrack exponentially in JavaScript answer on long inputs', () => {
    for (const [pattern, input] of EVIL) {
      const re = compileLinearRegex(pattern, { multiline: true });
      expect(re.ok).toBe(true);
      expect(re.ok && re.test(input), pattern).toBe(pattern === '(\\s|\\s)*$');
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
      const path = `/${pattern.replace(/^\^/, '')}`;
      expect(pathMatches('ImplementationSpecific', path, `/${input}`, true), path).toBe(false);
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
