/**
 * curl and `wget -qO- URL` over the routed Trace: the body on success (and on HTTP errors, which curl
 * does not treat as failures), curl's own error lines and exit codes (6 unresolved, 7 refused,
 * 28 timed out), `-v` with the connection and header lines, `-I`/`-i`, `-s`/`-S`, `-H`, `-X`,
 * `--max-time`, `--resolve`, `-o`, `-w '%{http_code}'`.
 */
import type { Trace } from '../../trace.ts';
import { readHops } from '../../readHops.ts';
import type { CommandOutput, ShellContext } from '../context.ts';
import { performRequest } from '../context.ts';
import { formatHttpDate } from './httpDate.ts';
import { writeSessionFile } from '../sessionFiles.ts';

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Timeout',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}

/** The default time the kernel keeps retrying a SYN before connect() gives up (tcp_syn_retries=6). */
const KERNEL_CONNECT_TIMEOUT_MS = 130000;

interface CurlOptions {
  url?: string;
  silent: boolean;
  showError: boolean;
  verbose: boolean;
  head: boolean;
  include: boolean;
  fail: boolean;
  method?: string;
  headers: Record<string, string>;
  maxTimeMs?: number;
  resolve: { host: string; port: number; address: string }[];
  outFile?: string;
  writeOut?: string;
  data?: string;
}

type ParsedCurl = { ok: true; options: CurlOptions } | { ok: false; out: CommandOutput };

const CURL_USAGE_HINT = "curl: try 'curl --help' or 'curl --manual' for more information\n";

function parseCurlArgs(argv: string[]): ParsedCurl {
  const o: CurlOptions = {
    silent: false,
    showError: false,
    verbose: false,
    head: false,
    include: false,
    fail: false,
    headers: {},
    resolve: [],
  };
  const needs = (flag: string, value: string | undefined): ParsedCurl | undefined =>
    value === undefined
      ? {
          ok: false,
          out: {
            stdout: '',
            stderr: `curl: option ${flag}: requires parameter\n${CURL_USAGE_HINT}`,
            exitCode: 2,
          },
        }
      : undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    const takeValue = (): string | undefined => argv[++i];
    const setValue = (
      flag: string,
      value: string | undefined,
      apply: (v: string) => void,
    ): ParsedCurl | undefined => {
      const missing = needs(flag, value);
      if (missing) return missing;
      apply(value ?? '');
      return undefined;
    };
    let err: ParsedCurl | undefined;
    switch (a) {
      case '-s':
      case '--silent':
        o.silent = true;
        continue;
      case '-S':
      case '--show-error':
        o.showError = true;
        continue;
      case '-v':
      case '--verbose':
        o.verbose = true;
        continue;
      case '-I':
      case '--head':
        o.head = true;
        continue;
      case '-i':
      case '--include':
        o.include = true;
        continue;
      case '-f':
      case '--fail':
        o.fail = true;
        continue;
      case '-k':
      case '--insecure':
      case '-L':
      case '--location':
        continue;
      case '-H':
      case '--header':
        err = setValue(a, takeValue(), (v) => {
          const colon = v.indexOf(':');
          if (colon > 0) o.headers[v.slice(0, colon).trim()] = v.slice(colon + 1).trim();
        });
        break;
      case '-X':
      case '--request':
        err = setValue(a, takeValue(), (v) => (o.method = v));
        break;
      case '-m':
      case '--max-time':
      case '--connect-timeout': {
        const value = takeValue();
        const seconds = Number(value);
        // curl reads a decimal number of seconds and refuses anything else before connecting.
        err =
          value !== undefined && (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0)
            ? {
                ok: false,
                out: {
                  stdout: '',
                  stderr: `curl: option ${a}: expected a proper numerical parameter\n${CURL_USAGE_HINT}`,
                  exitCode: 2,
                },
              }
            : setValue(a, value, () => (o.maxTimeMs = Math.round(seconds * 1000)));
        break;
      }
      case '--resolve':
        err = setValue(a, takeValue(), (v) => {
          const [host, port, address] = v.split(':');
          if (host && port && address) o.resolve.push({ host, port: Number(port), address });
        });
        break;
      case '-o':
      case '--output':
        err = setValue(a, takeValue(), (v) => (o.outFile = v));
        break;
      case '-w':
      case '--write-out':
        err = setValue(a, takeValue(), (v) => (o.writeOut = v));
        break;
      case '-d':
      case '--data':
        err = setValue(a, takeValue(), (v) => (o.data = v));
        break;
      default:
        if (a.startsWith('--') && a.length > 2) {
          return {
            ok: false,
            out: { stdout: '', stderr: `curl: option ${a}: is unknown\n${CURL_USAGE_HINT}`, exitCode: 2 },
          };
        }
        if (a.startsWith('-') && a.length > 2) {
          // a bundle such as -sS, -sv, -sI, or -sH 'Host: x' with the value last
          const letters = a.slice(1).split('');
          const valueLetters = 'HXmowd';
          const rest: string[] = [];
          for (const [k, letter] of letters.entries()) {
            if (valueLetters.includes(letter)) {
              const inline = a.slice(2 + k);
              rest.push(`-${letter}`, ...(inline ? [inline] : []));
              break;
            }
            rest.push(`-${letter}`);
          }
          argv = [...argv.slice(0, i), ...rest, ...argv.slice(i + 1)];
          i--;
          continue;
        }
        if (a.startsWith('-') && a.length === 2) {
          return {
            ok: false,
            out: { stdout: '', stderr: `curl: option ${a}: is unknown\n${CURL_USAGE_HINT}`, exitCode: 2 },
          };
        }
        o.url ??= a;
    }
    if (err) return err;
  }
  return { ok: true, options: o };
}

function targetOf(trace: Trace): { ip: string; port: string } | undefined {
  const send = readHops(trace).find((h) => h.kind === 'send');
  if (!send) return undefined;
  const colon = send.dst.lastIndexOf(':');
  return colon < 0
    ? { ip: send.dst, port: '' }
    : { ip: send.dst.slice(0, colon), port: send.dst.slice(colon + 1) };
}

/** The client's own address and ephemeral port, as the first packet left it. */
function sourceOf(trace: Trace): { ip: string; port: string } {
  const send = readHops(trace).find((h) => h.kind === 'send');
  const src = send?.src ?? trace.request.clientIp;
  const colon = src.lastIndexOf(':');
  return colon < 0 ? { ip: src, port: '0' } : { ip: src.slice(0, colon), port: src.slice(colon + 1) };
}

function urlParts(url: string): { host: string; port: number; path: string; scheme: string } {
  const m = /^(?:([a-zA-Z]+):\/\/)?(?:[^@/]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d+))?([^#]*)/.exec(url);
  const scheme = (m?.[1] ?? 'http').toLowerCase();
  return {
    scheme,
    host: m?.[2] ?? url,
    port: m?.[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80,
    path: m?.[4] || '/',
  };
}

function responseHeaders(trace: Trace, ctx: ShellContext): string[] {
  const status = trace.status ?? 200;
  const body = trace.body ?? '';
  return [
    `HTTP/1.1 ${status} ${reasonPhrase(status)}`.trimEnd(),
    `Date: ${formatHttpDate(ctx.sim.state.clock)}`,
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${utf8Length(body)}`,
    'Connection: keep-alive',
  ];
}

/** Bytes on the wire for Content-Length (the engine has no TextEncoder: lib is ES2022 only). */
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** curl's progress meter (lib/progress.c), shown on stderr when stdout is not a terminal and -s is off. */
function progressMeter(bytes: number): string {
  const size = (n: number): string => String(n).padStart(5);
  const pct = (n: number): string => String(n).padStart(3);
  const speed = bytes === 0 ? 0 : Math.min(99999, bytes * 250);
  const done = bytes === 0 ? 0 : 100;
  return (
    '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n' +
    '                                 Dload  Upload   Total   Spent    Left  Speed\n' +
    `${pct(done)} ${size(bytes)}  ${pct(done)} ${size(bytes)}  ${pct(0)} ${size(0)}  ${size(speed)}  ${size(0)} --:--:-- --:--:-- --:--:-- ${size(speed)}\n`
  );
}

const CURL_HELP = `Usage: curl [options...] <url>
 -d, --data <data>           HTTP POST data
 -f, --fail                  Fail fast with no output on HTTP errors
 -h, --help <category>       Get help for commands
 -H, --header <header/@file> Pass custom header(s) to server
 -i, --include               Include protocol response headers in the output
 -I, --head                  Show document info only
 -k, --insecure              Allow insecure server connections
 -m, --max-time <seconds>    Maximum time allowed for transfer
 -o, --output <file>         Write to file instead of stdout
     --resolve <[+]host:port:addr[,addr]...> Resolve the host+port to this address
 -s, --silent                Silent mode
 -S, --show-error            Show error even when -s is used
 -v, --verbose               Make the operation more talkative
 -w, --write-out <format>    Use output FORMAT after completion
 -X, --request <method>      Specify request method to use
`;

export function curlCommand(ctx: ShellContext, argv: string[]): CommandOutput {
  if (argv[1] === '--help' || argv[1] === '-h') return { stdout: CURL_HELP, stderr: '', exitCode: 0 };
  const parsed = parseCurlArgs(argv.slice(1));
  if (!parsed.ok) return parsed.out;
  const o = parsed.options;
  if (!o.url) return { stdout: '', stderr: `curl: no URL specified!\n${CURL_USAGE_HINT}`, exitCode: 2 };
  // Only HTTP goes over the simulated network. file:// reads the machine's own files, and the simulated
  // ones hold none, so curl's own error (CURLE_FILE_COULDNT_READ_FILE, 37); other schemes are not built in.
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(o.url)?.[1]?.toLowerCase();
  if (scheme === 'file') {
    const path = decodeURIComponent(o.url.replace(/^file:\/\/(?:localhost)?/i, '')) || '/';
    return { stdout: '', stderr: `curl: (37) Couldn't open file ${path}\n`, exitCode: 37 };
  }
  if (scheme !== undefined && scheme !== 'http' && scheme !== 'https')
    return { stdout: '', stderr: `curl: (1) Protocol "${scheme}" not supported\n`, exitCode: 1 };
  const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
  const trace = performRequest(ctx, {
    url: o.url,
    method,
    ...(Object.keys(o.headers).length ? { headers: o.headers } : {}),
    ...(o.resolve.length ? { resolve: o.resolve } : {}),
  });
  const parts = urlParts(o.url);
  const showErrors = !o.silent || o.showError;
  let stderr = '';
  let stdout = '';
  const target = targetOf(trace);
  const ip = target?.ip ?? parts.host;
  const port = target?.port || String(parts.port);
  if (o.verbose && trace.outcome !== 'unresolved') {
    stderr += `*   Trying ${ip}:${port}...\n`;
  }
  const timeoutMs = o.maxTimeMs ?? KERNEL_CONNECT_TIMEOUT_MS;
  const meter = !o.silent && !o.verbose && !ctx.tty;
  if (meter && trace.outcome !== 'ok' && trace.outcome !== 'http-error') stderr += progressMeter(0);
  switch (trace.outcome) {
    case 'unresolved':
      if (o.verbose) stderr += `* Could not resolve host: ${parts.host}\n* Closing connection\n`;
      if (showErrors) stderr += `curl: (6) Could not resolve host: ${parts.host}\n`;
      return { stdout, stderr, exitCode: 6 };
    case 'refused': {
      if (o.verbose) {
        const from = sourceOf(trace);
        stderr +=
          `* connect to ${ip} port ${port} from ${from.ip} port ${from.port} failed: Connection refused\n` +
          `* Failed to connect to ${ip} port ${port} after 0 ms: Connection refused\n* Closing connection\n`;
      }
      if (showErrors)
        stderr += `curl: (7) Failed to connect to ${ip} port ${port} after 0 ms: Connection refused\n`;
      return { stdout, stderr, exitCode: 7 };
    }
    case 'timeout':
      if (o.verbose)
        stderr += `* Connection timed out after ${timeoutMs + 1} milliseconds\n* Closing connection\n`;
      if (showErrors) stderr += `curl: (28) Connection timed out after ${timeoutMs + 1} milliseconds\n`;
      return { stdout, stderr, exitCode: 28 };
    case 'ok':
    case 'http-error':
      break;
  }
  const status = trace.status ?? 200;
  const headers = responseHeaders(trace, ctx);
  if (o.verbose) {
    stderr += `* Connected to ${parts.host} (${ip}) port ${port}\n`;
    const hostHeader =
      o.headers['Host'] ??
      o.headers['host'] ??
      (parts.port === 80 || parts.port === 443 ? parts.host : `${parts.host}:${parts.port}`);
    stderr += `> ${method} ${parts.path} HTTP/1.1\n> Host: ${hostHeader}\n> User-Agent: curl/8.5.0\n> Accept: */*\n`;
    for (const [k, v] of Object.entries(o.headers))
      if (k.toLowerCase() !== 'host') stderr += `> ${k}: ${v}\n`;
    stderr += '> \n';
    stderr += headers.map((h) => `< ${h}\n`).join('') + '< \n';
  }
  if (o.fail && status >= 400) {
    if (showErrors) stderr += `curl: (22) The requested URL returned error: ${status}\n`;
    return { stdout, stderr, exitCode: 22 };
  }
  let body = '';
  if (o.head || o.include) body += headers.map((h) => `${h}\r\n`).join('') + '\r\n';
  if (!o.head) body += trace.body ?? '';
  if (o.outFile !== undefined) {
    if (o.outFile !== '/dev/null') writeSessionFile(ctx.session.files, o.outFile, body);
  } else stdout += body;
  if (!o.silent && !o.verbose && (meter || o.outFile !== undefined)) {
    stderr = progressMeter(utf8Length(trace.body ?? '')) + stderr;
  }
  const tail = o.verbose ? `* Connection #0 to host ${parts.host} left intact\n` : '';
  stderr += tail;
  if (o.writeOut !== undefined) {
    stdout += o.writeOut
      .replace(/%\{http_code\}/g, String(status))
      .replace(/%\{remote_ip\}/g, ip)
      .replace(/%\{remote_port\}/g, port)
      .replace(/\\n/g, '\n');
  }
  return {
    stdout,
    stderr,
    exitCode: 0,
    display: stderr.slice(0, stderr.length - tail.length) + stdout + tail,
  };
}

/** busybox/GNU `wget -qO- URL` (and `wget -O- -q`), the other way the book fetches a page from a pod. */
export function wgetCommand(ctx: ShellContext, argv: string[]): CommandOutput {
  let quiet = false;
  let toStdout = false;
  let url: string | undefined;
  let timeoutMs: number | undefined;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-O' || a === '--output-document') {
      toStdout = argv[++i] === '-';
      continue;
    }
    if (a === '-T' || a === '--timeout') {
      timeoutMs = Number(argv[++i]) * 1000;
      continue;
    }
    if (a.startsWith('-') && !a.startsWith('--')) {
      if (a.includes('q')) quiet = true;
      if (a.endsWith('O-') || a === '-O-') toStdout = true;
      else if (a.endsWith('O')) toStdout = argv[++i] === '-';
      continue;
    }
    if (a === '--quiet') {
      quiet = true;
      continue;
    }
    url ??= a;
  }
  if (!url)
    return { stdout: '', stderr: 'wget: missing URL\nUsage: wget [OPTION]... [URL]...\n', exitCode: 1 };
  const trace = performRequest(ctx, { url, method: 'GET' });
  const parts = urlParts(url);
  const target = targetOf(trace);
  const ip = target?.ip ?? parts.host;
  const connecting = quiet ? '' : `Connecting to ${parts.host} (${ip}:${target?.port || parts.port})\n`;
  switch (trace.outcome) {
    case 'unresolved':
      return { stdout: '', stderr: `wget: bad address '${parts.host}'\n`, exitCode: 1 };
    case 'refused':
      return {
        stdout: '',
        stderr: `${connecting}wget: can't connect to remote host (${ip}): Connection refused\n`,
        exitCode: 1,
      };
    case 'timeout':
      void timeoutMs;
      return { stdout: '', stderr: `${connecting}wget: download timed out\n`, exitCode: 1 };
    case 'http-error':
      return {
        stdout: '',
        stderr: `${connecting}wget: server returned error: HTTP/1.1 ${trace.status ?? 500} ${reasonPhrase(trace.status ?? 500)}\n`,
        exitCode: 1,
      };
    case 'ok': {
      const body = trace.body ?? '';
      if (toStdout) return { stdout: body, stderr: connecting, exitCode: 0 };
      const file =
        parts.path === '/' || parts.path.endsWith('/')
          ? 'index.html'
          : (parts.path.split('/').pop() ?? 'index.html');
      writeSessionFile(ctx.session.files, file, body);
      return {
        stdout: '',
        stderr: quiet
          ? ''
          : `${connecting}saving to '${file}'\n${file}              100% |********************************| ${body.length}  0:00:00 ETA\n'${file}' saved\n`,
        exitCode: 0,
      };
    }
  }
}
