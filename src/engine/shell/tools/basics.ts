/**
 * The small tools a student types in a pod or on the laptop: echo, env, printenv, hostname, cat,
 * touch, rm, ls, pwd, whoami, and the filters used after a pipe (grep, head, tail, wc, sort, tee).
 * touch/rm in a pod are podFile actions: the book's readiness probe `ls /var/ready` depends on them.
 */
import { getContainerEnv } from '../../cluster/envVars.ts';
import { formatResolvConf, getPodResolvConf } from '../../cluster/resolvConf.ts';
import type { ClusterState, PodState } from '../../model/state.ts';
import { hostsEntryLine } from '../../model/hostsEntry.ts';
import type { CommandOutput, ShellContext } from '../context.ts';
import { currentPod, ok, performAction } from '../context.ts';
import { compileLinearRegex } from '../../regex/linearRegex.ts';
import { hasSessionFile, readSessionFile, writeSessionFile } from '../sessionFiles.ts';

/** The variables a command sees: the container's env in a pod, a plain login env on the laptop. */
export function environmentOf(ctx: ShellContext): { name: string; value: string }[] {
  const pod = currentPod(ctx);
  if (pod) {
    const container = ctx.at.kind === 'pod' ? ctx.at.container : undefined;
    return getContainerEnv(ctx.sim.state, pod, container);
  }
  const client = ctx.at.kind === 'client' ? ctx.at.client : 'laptop';
  return [
    { name: 'HOME', value: '/home/student' },
    { name: 'USER', value: 'student' },
    { name: 'HOSTNAME', value: client },
    { name: 'PATH', value: '/usr/local/bin:/usr/bin:/bin' },
    { name: 'SHELL', value: '/bin/bash' },
  ];
}

export function echoCommand(_ctx: ShellContext, argv: string[]): CommandOutput {
  let args = argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args[0] && /^-[neE]+$/.test(args[0])) {
    if (args[0].includes('n')) newline = false;
    if (args[0].includes('e')) escapes = true;
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  return ok(text + (newline ? '\n' : ''));
}

export function envCommand(ctx: ShellContext): CommandOutput {
  return ok(
    environmentOf(ctx)
      .map((v) => `${v.name}=${v.value}\n`)
      .join(''),
  );
}

export function printenvCommand(ctx: ShellContext, argv: string[]): CommandOutput {
  const env = environmentOf(ctx);
  if (argv.length < 2) return envCommand(ctx);
  let out = '';
  let missing = false;
  for (const name of argv.slice(1)) {
    const found = env.find((v) => v.name === name);
    if (found) out += found.value + '\n';
    else missing = true;
  }
  return { stdout: out, stderr: '', exitCode: missing ? 1 : 0 };
}

export function hostnameCommand(ctx: ShellContext, argv: string[]): CommandOutput {
  const pod = currentPod(ctx);
  if (argv[1] === '-i')
    return ok(
      `${pod?.status.podIP ?? ctx.sim.state.clients.find((c) => ctx.at.kind === 'client' && c.name === ctx.at.client)?.ip ?? '127.0.0.1'}\n`,
    );
  if (pod) return ok(`${pod.spec.hostname ?? pod.metadata.name}\n`);
  return ok(`${ctx.at.kind === 'client' ? ctx.at.client : 'laptop'}\n`);
}

/** kubelet's /etc/hosts for a pod (kubelet_pods.go managedHostsFileContent). */
export function podHostsFile(state: ClusterState, pod: PodState): string {
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  if (pod.spec.hostNetwork) return lines.join('\n') + '\n';
  const hostname = pod.spec.hostname ?? pod.metadata.name;
  if (pod.spec.subdomain)
    lines.push(
      `${pod.status.podIP}\t${hostname}.${pod.spec.subdomain}.${pod.metadata.namespace}.svc.${state.settings.dnsDomain}\t${hostname}`,
    );
  else lines.push(`${pod.status.podIP}\t${hostname}`);
  return lines.join('\n') + '\n';
}

function laptopHostsFile(ctx: ShellContext): string {
  const client = ctx.sim.state.clients.find((c) => ctx.at.kind === 'client' && c.name === ctx.at.client);
  const name = ctx.at.kind === 'client' ? ctx.at.client : 'laptop';
  const lines = [
    '127.0.0.1\tlocalhost',
    `127.0.1.1\t${name}`,
    '',
    '# The following lines are desirable for IPv6 capable hosts',
    '::1     ip6-localhost ip6-loopback',
    'ff02::1 ip6-allnodes',
    'ff02::2 ip6-allrouters',
  ];
  for (const entry of client?.hosts ?? []) lines.push(hostsEntryLine(entry));
  return lines.join('\n') + '\n';
}

/** A file's text as the current machine has it, or undefined when there is no such file. */
export function readFile(ctx: ShellContext, path: string): string | undefined {
  const pod = currentPod(ctx);
  if (path === '/etc/hosts') return pod ? podHostsFile(ctx.sim.state, pod) : laptopHostsFile(ctx);
  if (path === '/etc/resolv.conf') {
    if (pod) return formatResolvConf(getPodResolvConf(ctx.sim.state, pod));
    return 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n';
  }
  if (path === '/etc/hostname') return hostnameCommand(ctx, ['hostname']).stdout;
  if (pod) return pod.files.includes(path) ? '' : undefined;
  return (
    readSessionFile(ctx.session.files, path) ?? readSessionFile(ctx.session.files, path.replace(/^\.\//, ''))
  );
}

export function catCommand(ctx: ShellContext, argv: string[], stdin: string): CommandOutput {
  const paths = argv.slice(1).filter((a) => !a.startsWith('-') || a === '-');
  if (paths.length === 0) return ok(stdin);
  let out = '';
  let err = '';
  for (const path of paths) {
    if (path === '-') {
      out += stdin;
      continue;
    }
    const text = readFile(ctx, path);
    if (text === undefined) err += `cat: ${path}: No such file or directory\n`;
    else out += text;
  }
  return { stdout: out, stderr: err, exitCode: err ? 1 : 0 };
}

function absolute(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

export function touchCommand(ctx: ShellContext, argv: string[]): CommandOutput {
  const pod = currentPod(ctx);
  for (const path of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    if (pod) {
      const full = absolute(path);
      if (!pod.files.includes(full))
        performAction(ctx, {
          type: 'podFile',
          namespace: pod.metadata.namespace,
          name: pod.metadata.name,
          path: full,
          present: true,
        });
    } else if (!hasSessionFile(ctx.session.files, path)) writeSessionFile(ctx.session.files, path, '');
  }
  return ok();
}

export function rmCommand(ctx: ShellContext, argv: string[]): CommandOutput {
  const pod = currentPod(ctx);
  const force = argv.slice(1).some((a) => /^-[a-z]*f/.test(a));
  let err = '';
  for (const path of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    if (pod) {
      const full = absolute(path);
      if (pod.files.includes(full))
        performAction(ctx, {
          type: 'podFile',
          namespace: pod.metadata.namespace,
          name: pod.metadata.name,
          path: full,
          present: false,
        });
      else if (!force) err += `rm: cannot remove '${path}': No such file or directory\n`;
    } else if (hasSessionFile(ctx.session.files, path)) delete ctx.session.files[path];
    else if (!force) err += `rm: cannot remove '${path}': No such file or directory\n`;
  }
  return { stdout: '', stderr: err, exitCode: err ? 1 : 0 };
}

export function lsCommand(ctx: ShellContext, argv: string[]): CommandOutput {
  const pod = currentPod(ctx);
  const targets = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (pod) {
    if (targets.length === 0)
      return ok(
        'bin  boot  dev  etc  home  lib  lib64  media  mnt  opt  proc  root  run  sbin  srv  sys  tmp  usr  var\n',
      );
    let out = '';
    let err = '';
    for (const t of targets) {
      const full = absolute(t).replace(/\/$/, '');
      const inside = pod.files.filter((f) => f.startsWith(`${full}/`)).map((f) => f.slice(full.length + 1));
      if (pod.files.includes(full)) out += `${t}\n`;
      else if (inside.length) out += inside.join('  ') + '\n';
      else if (['/', '/etc', '/var', '/tmp', '/app', '/usr', '/bin'].includes(full || '/')) out += '';
      else err += `ls: cannot access '${t}': No such file or directory\n`;
    }
    return { stdout: out, stderr: err, exitCode: err ? 2 : 0 };
  }
  const names = Object.keys(ctx.session.files).sort();
  return ok(names.length ? names.join('  ') + '\n' : '');
}

export function grepCommand(ctx: ShellContext, argv: string[], stdin: string): CommandOutput {
  let invert = false;
  let ignoreCase = false;
  let count = false;
  let pattern: string | undefined;
  const files: string[] = [];
  for (const a of argv.slice(1)) {
    if (/^-[ivcE]+$/.test(a)) {
      if (a.includes('v')) invert = true;
      if (a.includes('i')) ignoreCase = true;
      if (a.includes('c')) count = true;
    } else if (pattern === undefined) pattern = a;
    else files.push(a);
  }
  if (pattern === undefined)
    return {
      stdout: '',
      stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
      exitCode: 2,
    };
  // RE2 (linear time): `grep -E '(x|x)*y'` on a long output must not hang the terminal.
  const compiled = compileLinearRegex(pattern, { ignoreCase });
  const re = compiled.ok
    ? compiled
    : compileLinearRegex(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), { ignoreCase });
  if (!re.ok) return { stdout: '', stderr: `grep: ${re.error}\n`, exitCode: 2 };
  const input = inputOf(ctx, files, stdin);
  if (input.error) return { stdout: '', stderr: `grep: ${input.error}\n`, exitCode: 2 };
  const lines = splitLines(input.text).filter((l) => re.test(l) !== invert);
  if (count) return { stdout: `${lines.length}\n`, stderr: '', exitCode: lines.length ? 0 : 1 };
  return { stdout: lines.map((l) => l + '\n').join(''), stderr: '', exitCode: lines.length ? 0 : 1 };
}

/** What a filter reads: its FILE operands (after the flags it consumed), or standard input. */
function inputOf(ctx: ShellContext, files: string[], stdin: string): { text: string; error?: string } {
  if (files.length === 0) return { text: stdin };
  let text = '';
  for (const f of files) {
    const content = f === '-' ? stdin : readFile(ctx, f);
    if (content === undefined) return { text, error: `${f}: No such file or directory` };
    text += content;
  }
  return { text };
}

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function countArg(argv: string[], fallback: number): number {
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-n') return Number(argv[i + 1]) || fallback;
    if (/^-n\d+$/.test(a)) return Number(a.slice(2));
    if (/^-\d+$/.test(a)) return Number(a.slice(1));
  }
  return fallback;
}

/** The FILE operands of head/tail/wc/sort: words that are neither flags nor the value of `-n`. */
function operands(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '-n') i++;
    else if (!a.startsWith('-') || a === '-') out.push(a);
  }
  return out;
}

function filter(
  ctx: ShellContext,
  name: string,
  argv: string[],
  stdin: string,
  apply: (text: string) => string,
): CommandOutput {
  const input = inputOf(ctx, operands(argv), stdin);
  if (input.error) {
    // coreutils words it differently per tool
    const file = input.error.split(':')[0] ?? '';
    const message =
      name === 'wc'
        ? `wc: ${file}: No such file or directory`
        : name === 'sort'
          ? `sort: cannot read: ${file}: No such file or directory`
          : `${name}: cannot open '${file}' for reading: No such file or directory`;
    return { stdout: '', stderr: message + '\n', exitCode: 1 };
  }
  return ok(apply(input.text));
}

export function headCommand(ctx: ShellContext, argv: string[], stdin: string): CommandOutput {
  return filter(ctx, 'head', argv, stdin, (text) =>
    splitLines(text)
      .slice(0, countArg(argv, 10))
      .map((l) => l + '\n')
      .join(''),
  );
}

export function tailCommand(ctx: ShellContext, argv: string[], stdin: string): CommandOutput {
  return filter(ctx, 'tail', argv, stdin, (text) => {
    const n = countArg(argv, 10);
    const lines = splitLines(text);
    return lines
      .slice(Math.max(0, lines.length - n))
      .map((l) => l + '\n')
      .join('');
  });
}

export function wcCommand(ctx: ShellContext, argv: string[], stdin: string): CommandOutput {
  return filter(ctx, 'wc', argv, stdin, (text) => {
    const lines = (text.match(/\n/g) ?? []).length;
    if (argv.includes('-l')) return `${lines}\n`;
    const words = text.split(/\s+/).filter(Boolean).length;
    return `${String(lines).padStart(7)} ${String(words).padStart(7)} ${String(text.length).padStart(7)}\n`;
  });
}

export function sortCommand(ctx: ShellContext, argv: string[], stdin: string): CommandOutput {
  return filter(ctx, 'sort', argv, stdin, (text) => {
    const lines = splitLines(text).sort();
    if (argv.includes('-r')) lines.reverse();
    const unique = argv.includes('-u') ? [...new Set(lines)] : lines;
    return unique.map((l) => l + '\n').join('');
  });
}
