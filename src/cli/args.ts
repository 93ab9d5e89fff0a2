/**
 * Command-line parsing for `kubeplay`: argv -> a typed command, or a usage error. Pure (no I/O), so
 * the shapes scripts rely on (the README's "The kubeplay command") are tested without spawning anything.
 */
import { parseArgs as nodeParseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import type { RequestSpec } from '../engine/index.ts';

export type Command =
  | { name: 'help' }
  | { name: 'check'; files: string[]; json: boolean }
  | { name: 'trace'; files: string[]; seed?: number; request: RequestSpec; count?: number }
  | { name: 'load'; files: string[]; seed?: number; request: RequestSpec; requests: number }
  | { name: 'run'; files: string[]; seed?: number; json: boolean; commands: string[] };

export type ParseOutcome = { ok: true; command: Command } | { ok: false; error: string };

/**
 * The options, in node:util parseArgs' terms. `multiple` ones may be given several times (`-H a -H b`);
 * short spellings are curl's.
 */
const OPTIONS = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  from: { type: 'string' },
  url: { type: 'string' },
  'client-ip': { type: 'string' },
  header: { type: 'string', short: 'H', multiple: true },
  resolve: { type: 'string', multiple: true },
  seed: { type: 'string' },
  count: { type: 'string' },
  requests: { type: 'string' },
  request: { type: 'string', short: 'X' },
} satisfies ParseArgsConfig['options'];

type OptionName = keyof typeof OPTIONS;

const ALLOWED: Record<'check' | 'trace' | 'load', string[]> = {
  check: ['--json'],
  trace: ['--from', '--url', '--client-ip', '--header', '--resolve', '--seed', '--count', '--request'],
  load: ['--from', '--url', '--client-ip', '--header', '--resolve', '--seed', '--requests', '--request'],
};

interface Tokens {
  positionals: string[];
  /** By long name with its dashes (`--header`), every value given. */
  values: Map<string, string[]>;
}

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(OPTIONS, name);
}

/**
 * node:util's parseArgs splits the words; it runs non-strict with tokens so that the messages stay
 * kubeplay's own (`unknown option --x`, `--seed needs a value`) rather than Node's.
 */
function tokenize(argv: string[]): { ok: true; tokens: Tokens } | { ok: false; error: string } {
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  const { tokens } = nodeParseArgs({
    args: argv,
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const { name, rawName } = token;
    if (!isOptionName(name)) return { ok: false, error: `unknown option ${rawName}` };
    const spec: { type: string; multiple?: boolean } = OPTIONS[name];
    let value = 'true';
    if (spec.type === 'string') {
      if (token.value === undefined) return { ok: false, error: `${rawName} needs a value` };
      value = token.value;
    } else if (token.inlineValue) {
      return { ok: false, error: `${rawName} takes no value` };
    }
    const long = `--${name}`;
    const seen = values.get(long) ?? [];
    if (seen.length > 0 && !spec.multiple) return { ok: false, error: `${rawName} given more than once` };
    values.set(long, [...seen, value]);
  }
  return { ok: true, tokens: { positionals, values } };
}

function parseCount(text: string, option: string, min: number): number | string {
  if (!/^\d+$/.test(text)) return `${option} must be a whole number, not "${text}"`;
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min) return `${option} must be at least ${min}`;
  return n;
}

function parseSeed(text: string): number | string {
  if (!/^-?\d+$/.test(text)) return `--seed must be an integer, not "${text}"`;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : `--seed is out of range: ${text}`;
}

function parseHeader(text: string): [string, string] | string {
  const colon = text.indexOf(':');
  const name = colon > 0 ? text.slice(0, colon).trim() : '';
  if (!name || /\s/.test(name)) return `-H wants 'Name: value', not "${text}"`;
  return [name, text.slice(colon + 1).trim()];
}

/** curl's --resolve HOST:PORT:ADDR (ADDR may be a bracketed IPv6 address). */
function parseResolve(text: string): { host: string; port: number; address: string } | string {
  const m = /^(\[[^\]]+\]|[^:[\]]+):(\d+):(.+)$/.exec(text);
  const port = m ? Number(m[2]) : NaN;
  if (!m || port < 1 || port > 65535) return `--resolve wants HOST:PORT:ADDR, not "${text}"`;
  const unbracket = (s: string) => s.replace(/^\[(.*)\]$/, '$1');
  return { host: unbracket(m[1] ?? ''), port, address: unbracket(m[3] ?? '') };
}

const FROM_PATTERN = /^(client\/[^/]+|pod\/[^/]+\/[^/]+|node\/[^/]+)$/;

function parseRequest(values: Map<string, string[]>): RequestSpec | string {
  const from = values.get('--from')?.[0];
  const url = values.get('--url')?.[0];
  if (from === undefined) return '--from is required (client/NAME, pod/NS/NAME or node/NAME)';
  if (!FROM_PATTERN.test(from)) return `--from must be client/NAME, pod/NS/NAME or node/NAME, not "${from}"`;
  if (url === undefined || url === '') return '--url is required';
  const request: RequestSpec = { from, url };
  const headers: Record<string, string> = {};
  for (const h of values.get('--header') ?? []) {
    const parsed = parseHeader(h);
    if (typeof parsed === 'string') return parsed;
    headers[parsed[0]] = parsed[1];
  }
  if (Object.keys(headers).length > 0) request.headers = headers;
  const resolve = [];
  for (const r of values.get('--resolve') ?? []) {
    const parsed = parseResolve(r);
    if (typeof parsed === 'string') return parsed;
    resolve.push(parsed);
  }
  if (resolve.length > 0) request.resolve = resolve;
  const clientIp = values.get('--client-ip')?.[0];
  if (clientIp !== undefined) {
    if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(clientIp))
      return `--client-ip must be an IPv4 address, not "${clientIp}"`;
    if (!from.startsWith('client/'))
      return '--client-ip only applies to outside clients (--from client/NAME)';
    request.clientIp = clientIp;
  }
  const method = values.get('--request')?.[0];
  if (method !== undefined) request.method = method.toUpperCase();
  return request;
}

/** `run FILE… [--seed N] [--json] -- 'COMMAND' …`: everything after `--` is a command line. */
function parseRun(rest: string[]): ParseOutcome {
  const dashes = rest.indexOf('--');
  if (dashes < 0)
    return {
      ok: false,
      error: "run needs -- followed by the commands, e.g. run kubia.yaml -- 'kubectl get svc'",
    };
  const t = tokenize(rest.slice(0, dashes));
  if (!t.ok) return t;
  const { positionals: files, values } = t.tokens;
  if (values.has('--help')) return { ok: true, command: { name: 'help' } };
  for (const option of values.keys()) {
    if (option !== '--seed' && option !== '--json')
      return { ok: false, error: `${option} does not apply to run` };
  }
  const commands = rest.slice(dashes + 1);
  if (commands.length === 0) return { ok: false, error: 'run needs at least one COMMAND after --' };
  const seedText = values.get('--seed')?.[0];
  const seed = seedText === undefined ? undefined : parseSeed(seedText);
  if (typeof seed === 'string') return { ok: false, error: seed };
  return {
    ok: true,
    command: {
      name: 'run',
      files,
      json: values.has('--json'),
      commands,
      ...(seed === undefined ? {} : { seed }),
    },
  };
}

export function parseArgs(argv: string[]): ParseOutcome {
  const [name, ...rest] = argv;
  if (name === undefined) return { ok: false, error: 'no command given' };
  if (name === '--help' || name === '-h' || name === 'help') return { ok: true, command: { name: 'help' } };
  if (name === 'run') return parseRun(rest);
  if (name !== 'check' && name !== 'trace' && name !== 'load') {
    return { ok: false, error: `unknown command "${name}"` };
  }
  const t = tokenize(rest);
  if (!t.ok) return t;
  const { positionals: files, values } = t.tokens;
  if (values.has('--help')) return { ok: true, command: { name: 'help' } };
  for (const option of values.keys()) {
    if (!ALLOWED[name].includes(option)) return { ok: false, error: `${option} does not apply to ${name}` };
  }
  if (files.length === 0)
    return { ok: false, error: `${name} needs at least one FILE (or - for standard input)` };
  if (name === 'check') return { ok: true, command: { name, files, json: values.has('--json') } };

  const request = parseRequest(values);
  if (typeof request === 'string') return { ok: false, error: request };
  const seedText = values.get('--seed')?.[0];
  const seed = seedText === undefined ? undefined : parseSeed(seedText);
  if (typeof seed === 'string') return { ok: false, error: seed };
  const base = { files, request, ...(seed === undefined ? {} : { seed }) };

  if (name === 'trace') {
    const countText = values.get('--count')?.[0];
    const count = countText === undefined ? undefined : parseCount(countText, '--count', 1);
    if (typeof count === 'string') return { ok: false, error: count };
    return { ok: true, command: { name, ...base, ...(count === undefined ? {} : { count }) } };
  }
  const requestsText = values.get('--requests')?.[0];
  if (requestsText === undefined) return { ok: false, error: '--requests N is required' };
  const requests = parseCount(requestsText, '--requests', 1);
  if (typeof requests === 'string') return { ok: false, error: requests };
  return { ok: true, command: { name, ...base, requests } };
}
