/**
 * Regular expressions from people and links (a lesson's `command:`/`output:` pattern, an Ingress path in
 * ingress-nginx regex mode, `grep PATTERN` in the terminal), matched in time linear in the input. The
 * browser's RegExp backtracks: `^(a|aa)+b$` against 50 `a`s takes longer than the universe, and one such
 * pattern in a shared link would freeze the tab. re2js is a pure-JavaScript port of RE2
 * (https://github.com/le0pard/re2js, https://github.com/google/re2/wiki/Syntax): an automaton, no
 * backtracking, so no pattern can hang. The price is RE2's syntax: no backreferences (`\1`) and no
 * lookaround (`(?=…)`, `(?<=…)`); those are refused with a clear message.
 *
 * ingress-nginx writes regex paths into nginx `location ~*` blocks, which nginx matches with PCRE
 * (https://kubernetes.github.io/ingress-nginx/user-guide/ingress-path-matching/,
 * https://nginx.org/en/docs/http/ngx_http_core_module.html#location): PCRE accepts backreferences and
 * lookaround, so a path using them works on a real cluster and is reported as unsupported here.
 */
import { RE2JS } from 're2js';

export type LinearRegex = { ok: true; test(text: string): boolean } | { ok: false; error: string };

export interface LinearRegexOptions {
  ignoreCase?: boolean;
  /** `^` and `$` match at line breaks too (JavaScript's `m` flag). */
  multiline?: boolean;
}

/** Patterns longer than this are refused: a compiled automaton grows with the pattern. */
export const MAX_PATTERN_CHARS = 1000;

const cache = new Map<string, LinearRegex>();
const CACHE_SIZE = 200;

function describe(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const unsupported =
    /invalid escape sequence: `\\[1-9]`|unsupported Perl syntax: `\(\?[=!<]|invalid named capture: `\(\?<[=!]/.test(
      message,
    );
  return unsupported
    ? `${message}: kubeplay matches regular expressions with RE2 syntax, which has no backreferences or lookaround (they can take exponential time)`
    : message;
}

export function compileLinearRegex(source: string, options: LinearRegexOptions = {}): LinearRegex {
  const key = `${options.ignoreCase ? 'i' : ''}${options.multiline ? 'm' : ''}/${source}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let result: LinearRegex;
  if (source.length > MAX_PATTERN_CHARS) {
    result = { ok: false, error: `the pattern is longer than ${MAX_PATTERN_CHARS} characters` };
  } else {
    try {
      const flags =
        (options.ignoreCase ? RE2JS.CASE_INSENSITIVE : 0) | (options.multiline ? RE2JS.MULTILINE : 0);
      const re = RE2JS.compile(source, flags);
      result = { ok: true, test: (text: string) => re.test(text) };
    } catch (e) {
      result = { ok: false, error: describe(e) };
    }
  }
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, result);
  return result;
}
