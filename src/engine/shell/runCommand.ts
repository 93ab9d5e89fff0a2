/**
 * The terminal's interpreter: one command line in, what the terminal prints out, plus the Actions the
 * line performed (for the replay log), the Traces of every request it made (for the animation), and
 * the simulation and session after it. Pure: same inputs, same result.
 */
import { deletePodAndWait } from './kubectl/deleteWait.ts';
import type { Action } from '../model/actions.ts';
import type { Simulation } from '../sim/simulation.ts';
import type { Trace } from '../trace.ts';
import type { CommandOutput, ShellContext } from './context.ts';
import { currentPod, displayOf, fail, findPod, ok, performAction } from './context.ts';
import { kubectlCommand } from './kubectl/kubectl.ts';
import { kubeplayCommand } from './kubeplayCommand.ts';
import type { SimpleCommand } from './parseLine.ts';
import { parseLine, splitHereDocuments } from './parseLine.ts';
import type { ShellSession } from './session.ts';
import {
  catCommand,
  echoCommand,
  envCommand,
  environmentOf,
  grepCommand,
  headCommand,
  hostnameCommand,
  lsCommand,
  printenvCommand,
  rmCommand,
  sortCommand,
  tailCommand,
  touchCommand,
  wcCommand,
} from './tools/basics.ts';
import { curlCommand, wgetCommand } from './tools/curl.ts';
import { digCommand, nslookupCommand } from './tools/dns.ts';
import { getImageTools, imageHasTool } from './tools/images.ts';
import { pingCommand } from './tools/ping.ts';
import { planRedirections, routeOutput } from './redirections.ts';
import { readSessionFile, writeSessionFile } from './sessionFiles.ts';

export interface CommandResult {
  /** What the terminal prints (stdout and stderr in the order a terminal shows them). */
  output: string;
  exitCode: number;
  traces: Trace[];
  actions: Action[];
  sim: Simulation;
  session: ShellSession;
  /** `clear` was typed: the terminal wipes its screen before printing `output`. */
  clear: boolean;
}

/** Tools only the laptop has (a pod's image has no kubectl). */
const LAPTOP_ONLY = new Set(['kubectl', 'kubeplay', 'sudo']);

function bashNotFound(name: string): CommandOutput {
  return fail(`bash: ${name}: command not found`, 127);
}

function currentContainerImage(ctx: ShellContext): string | undefined {
  const pod = currentPod(ctx);
  const name = ctx.at.kind === 'pod' ? ctx.at.container : undefined;
  return (pod?.spec.containers.find((c) => c.name === name) ?? pod?.spec.containers[0])?.image;
}

/** One command's words -> its output. Used for pipeline stages and for `kubectl exec POD -- CMD`. */
export function runArgv(ctx: ShellContext, argv: string[], stdin: string): CommandOutput {
  const name = argv[0];
  if (name === undefined) return ok();
  const inPod = ctx.at.kind === 'pod';
  const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name;
  if (inPod) {
    const image = currentContainerImage(ctx);
    if (LAPTOP_ONLY.has(base) || (image !== undefined && !imageHasTool(image, base))) {
      if (ctx.direct) {
        // `kubectl exec POD -- CMD` runs CMD without a shell: the container runtime reports the missing binary
        return fail(
          `OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown`,
          126,
        );
      }
      return image !== undefined && getImageTools(image).shell === 'ash'
        ? fail(`sh: ${name}: not found`, 127)
        : bashNotFound(name);
    }
  }
  switch (base) {
    case 'sudo':
      return runArgv(ctx, argv.slice(1), stdin);
    case 'kubectl':
      return kubectlCommand(ctx, argv, stdin, runArgv);
    case 'kubeplay':
      return kubeplayCommand(ctx, argv);
    case 'curl':
      return curlCommand(ctx, argv);
    case 'wget':
      return wgetCommand(ctx, argv);
    case 'nslookup':
      return nslookupCommand(ctx, argv);
    case 'dig':
      return digCommand(ctx, argv);
    case 'ping':
      return pingCommand(ctx, argv);
    case 'env':
      return argv.length > 1
        ? runArgv(
            ctx,
            argv.slice(1).filter((a) => !a.includes('=')),
            stdin,
          )
        : envCommand(ctx);
    case 'printenv':
      return printenvCommand(ctx, argv);
    case 'hostname':
      return hostnameCommand(ctx, argv);
    case 'cat':
      return catCommand(ctx, argv, stdin);
    case 'touch':
      return touchCommand(ctx, argv);
    case 'rm':
      return rmCommand(ctx, argv);
    case 'ls':
      return lsCommand(ctx, argv);
    case 'echo':
      return echoCommand(ctx, argv);
    case 'grep':
      return grepCommand(ctx, argv, stdin);
    case 'head':
      return headCommand(ctx, argv, stdin);
    case 'tail':
      return tailCommand(ctx, argv, stdin);
    case 'wc':
      return wcCommand(ctx, argv, stdin);
    case 'sort':
      return sortCommand(ctx, argv, stdin);
    case 'tee':
      return teeCommand(ctx, argv, stdin);
    case 'pwd':
      return ok(inPod ? '/\n' : '/home/student\n');
    case 'whoami':
      return ok(inPod ? 'root\n' : 'student\n');
    case 'cd':
    case 'true':
    case ':':
      return ok();
    case 'false':
      return { stdout: '', stderr: '', exitCode: 1 };
    case 'clear':
      ctx.clear = true;
      return ok();
    case 'exit':
    case 'logout':
      return exitCommand(ctx, argv);
    case 'bash':
    case 'sh':
      return shellCommand(ctx, argv, stdin);
    default:
      return bashNotFound(name);
  }
}

function exitCommand(ctx: ShellContext, argv: string[]): CommandOutput {
  const code = Number(argv[1] ?? 0) || 0;
  const previous = ctx.session.previous[ctx.session.previous.length - 1];
  if (previous && ctx.at.kind === ctx.session.location.kind) {
    const leaving = ctx.session.location;
    ctx.session.location = previous;
    ctx.session.previous = ctx.session.previous.slice(0, -1);
    ctx.at = previous;
    let stdout = 'exit\n';
    if (leaving.kind === 'pod' && leaving.removeOnExit) {
      deletePodAndWait(ctx, leaving.namespace, leaving.pod);
      stdout += `Session ended, resume using 'kubectl attach ${leaving.pod} -c ${leaving.container} -i -t' command when the pod is running\npod "${leaving.pod}" deleted\n`;
    }
    return { stdout, stderr: '', exitCode: code };
  }
  // the laptop's own shell: bash says exit; the terminal stays (there is nothing to close to)
  return { stdout: 'exit\n', stderr: '', exitCode: code };
}

/** `sh -c 'CMD'` (common after `kubectl exec POD --`); a bare shell does nothing without a terminal. */
function shellCommand(ctx: ShellContext, argv: string[], stdin: string): CommandOutput {
  const c = argv.indexOf('-c');
  if (c >= 0 && argv[c + 1] !== undefined) {
    const direct = ctx.direct;
    ctx.direct = false;
    const r = runLineIn(ctx, argv[c + 1] ?? '', stdin);
    ctx.direct = direct;
    return r;
  }
  return ok();
}

function teeCommand(ctx: ShellContext, argv: string[], stdin: string): CommandOutput {
  const append = argv.includes('-a') || argv.includes('--append');
  for (const path of argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const err = writeFile(ctx, path, stdin, append);
    if (err) return { stdout: stdin, stderr: `tee: ${path}: ${err}\n`, exitCode: 1 };
  }
  return ok(stdin);
}

/**
 * Why `path` cannot be opened for writing where the terminal is, or undefined: on the laptop the student
 * is not root, so /etc and /usr are read-only, except that /etc/hosts may be appended to (as with `sudo
 * tee -a`, how the course makes the Ingress host resolve).
 */
function refuseWrite(ctx: ShellContext, path: string, append: boolean): string | undefined {
  if (currentPod(ctx)) return undefined;
  if (path === '/etc/hosts') return append ? undefined : 'Permission denied';
  if (path.startsWith('/etc/') || path.startsWith('/usr/')) return 'Permission denied';
  // The laptop's files sit in one directory (there is no mkdir): `> dir/f` names a directory that
  // does not exist, so bash cannot open it (`curl http://2>&1:8080/x` writes to `1:8080/x`).
  if (!path.startsWith('/') && path.replace(/^(?:\.\/)+/, '').includes('/'))
    return 'No such file or directory';
  return undefined;
}

/**
 * `> FILE`, `>> FILE`, `tee FILE`: on the laptop, lines added to /etc/hosts become a `hosts` action
 * (how the course makes the Ingress host resolve); in a pod, a written file is a `podFile` action.
 * Returns an error text, or undefined.
 */
function writeFile(ctx: ShellContext, path: string, text: string, append: boolean): string | undefined {
  if (path === '/dev/null') return undefined;
  const refusal = refuseWrite(ctx, path, append);
  if (refusal) return refusal;
  const pod = currentPod(ctx);
  if (pod) {
    if (path === '/etc/hosts' || path === '/etc/resolv.conf') return undefined;
    const full = path.startsWith('/') ? path : `/${path}`;
    if (!pod.files.includes(full))
      performAction(ctx, {
        type: 'podFile',
        namespace: pod.metadata.namespace,
        name: pod.metadata.name,
        path: full,
        present: true,
      });
    return undefined;
  }
  if (path === '/etc/hosts') {
    const client = ctx.at.kind === 'client' ? ctx.at.client : 'laptop';
    for (const line of text.split('\n')) {
      const words = line.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean);
      const [ip, ...hostnames] = words;
      if (ip && hostnames.length && /^[0-9.:a-fA-F]+$/.test(ip))
        performAction(ctx, { type: 'hosts', client, ip, hostnames });
    }
    return undefined;
  }
  writeSessionFile(
    ctx.session.files,
    path,
    append ? (readSessionFile(ctx.session.files, path) ?? '') + text : text,
  );
  return undefined;
}

function runSimple(
  ctx: ShellContext,
  cmd: SimpleCommand,
  stdin: string,
  bodies: Record<string, string>,
): CommandOutput {
  if (cmd.redirects.length === 0) return runArgv(ctx, cmd.argv, stdin);
  const planned = planRedirections(cmd.redirects, {
    stdin,
    readFile: (path) => readSessionFile(ctx.session.files, path),
    refuseWrite: (path, append) => refuseWrite(ctx, path, append),
    hereDocument: (delimiter) => bodies[delimiter] ?? '',
  });
  // A redirection that cannot be made stops the command before it runs (bash: status 1).
  if (!planned.ok) return fail(planned.error, 1);
  const { plan } = planned;
  const savedTty = ctx.tty;
  // `curl URL > f` shows its progress meter, as with a pipe; `>&2` still writes to the terminal.
  if (plan.stdout?.kind !== 'out' && plan.stdout?.kind !== 'err') ctx.tty = false;
  const result = runArgv(ctx, cmd.argv, plan.input);
  ctx.tty = savedTty;
  // Both streams still reach the terminal (`<`, `>&1`, `2>&2`): keep its interleaved view.
  const unmoved = plan.stdout?.kind === 'out' && plan.stderr?.kind === 'err';
  const output = unmoved ? result : { ...routeOutput(plan, result), exitCode: result.exitCode };
  // Files are written even when the command failed, as `cmd > f` leaves f with whatever cmd wrote.
  for (const file of plan.files) writeFile(ctx, file.path, file.text, file.append);
  return output;
}

/** Runs a whole line (pipelines joined by `;`, `&&`, `||`) where ctx.at is. */
function runLineIn(
  ctx: ShellContext,
  line: string,
  stdin: string,
  bodies: Record<string, string> = {},
): CommandOutput {
  let lastCode = 0;
  const expand = (name: string): string => {
    if (name === '?') return String(lastCode);
    if (name === 'HOME') return ctx.at.kind === 'pod' ? '/root' : '/home/student';
    return environmentOf(ctx).find((v) => v.name === name)?.value ?? '';
  };
  const parsed = parseLine(line, expand);
  if (!parsed.ok) return fail(parsed.error, 2);
  let output = '';
  let skip = false;
  for (const item of parsed.pipelines) {
    if (!skip) {
      let input = stdin;
      let code = 0;
      for (const [i, cmd] of item.commands.entries()) {
        const last = i === item.commands.length - 1;
        const savedTty = ctx.tty;
        if (!last) ctx.tty = false;
        const r = runSimple(ctx, cmd, input, bodies);
        ctx.tty = savedTty;
        if (last) output += displayOf(r);
        else output += r.stderr;
        input = r.stdout;
        code = r.exitCode;
      }
      lastCode = code;
    }
    skip = (item.then === '&&' && lastCode !== 0) || (item.then === '||' && lastCode === 0);
  }
  return { stdout: output, stderr: '', exitCode: lastCode };
}

/** Pasted text may hold several lines and here-documents: each line runs in turn, like `;`. */
function runLines(ctx: ShellContext, text: string): CommandOutput {
  let output = '';
  let exitCode = 0;
  for (const { line, bodies } of splitHereDocuments(text)) {
    const r = runLineIn(ctx, line, '', bodies);
    output += r.stdout + r.stderr;
    exitCode = r.exitCode;
  }
  return { stdout: output, stderr: '', exitCode };
}

/**
 * A shell inside a pod dies with the pod (deleted, or its node gone): the terminal is back on the
 * laptop with kubectl's message, before the next line runs.
 */
function leaveVanishedPod(ctx: ShellContext): CommandOutput | undefined {
  const at = ctx.session.location;
  if (at.kind !== 'pod') return undefined;
  const pod = findPod(ctx, at.namespace, at.pod);
  const node = pod && ctx.sim.state.nodes.find((n) => n.name === pod.spec.nodeName);
  if (pod && pod.status.phase === 'Running' && (node?.up ?? true)) return undefined;
  const previous = ctx.session.previous[ctx.session.previous.length - 1] ?? {
    kind: 'client' as const,
    client: 'laptop',
  };
  ctx.session.location = previous;
  ctx.session.previous = ctx.session.previous.slice(0, -1);
  ctx.at = previous;
  return { stdout: '', stderr: 'command terminated with exit code 137\n', exitCode: 137 };
}

/**
 * Runs one command line typed at the prompt.
 * @example runCommand(sim, createShellSession(), 'kubectl get svc')
 */
export function runCommand(sim: Simulation, session: ShellSession, line: string): CommandResult {
  const ctx: ShellContext = {
    sim,
    session: { ...session, files: { ...session.files }, previous: [...session.previous] },
    actions: [],
    traces: [],
    clear: false,
    at: session.location,
    tty: true,
    direct: false,
  };
  let result: CommandOutput;
  try {
    result = leaveVanishedPod(ctx) ?? runLines(ctx, line);
  } catch (error) {
    // A bug in a command must not take the terminal down: report it as a shell would.
    result = fail(`kubeplay: internal error: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
  return {
    output: result.stdout + result.stderr,
    exitCode: result.exitCode,
    traces: ctx.traces,
    actions: ctx.actions,
    sim: ctx.sim,
    session: ctx.session,
    clear: ctx.clear,
  };
}
