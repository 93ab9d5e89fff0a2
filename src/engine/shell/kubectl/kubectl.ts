/**
 * `kubectl` in the terminal: dispatches to each verb, with kubectl's messages for unknown commands,
 * unknown flags and missing arguments. `exec` runs a command inside a pod (or moves the session into
 * it for `-it -- bash`); the command itself is run by the caller's interpreter (passed in, so the
 * shell layer has no import cycle).
 */
import type { CommandOutput, ShellContext } from '../context.ts';
import { displayOf, findPod } from '../context.ts';
import { deprecationWarning } from './deprecationWarning.ts';
import { formatTable } from '../format/tabwriter.ts';
import { runDescribe } from './describe.ts';
import { EXPLAIN_FLAGS, runExplain } from './explain.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { flagBool, flagString, parseFlags } from './flags.ts';
import { GET_FLAGS, runGet, resolveResourceArgs } from './get.ts';
import { KUBECTL_HELP } from './help.ts';
import { CREATE_FLAGS, RUN_FLAGS, runCreateGenerator, runRun } from './imperative.ts';
import { listObjects } from './listing.ts';
import {
  APPLY_FLAGS,
  DELETE_FLAGS,
  EXPOSE_FLAGS,
  LABEL_FLAGS,
  SCALE_FLAGS,
  runApplyOrCreate,
  runDelete,
  runExpose,
  runLabel,
  runScale,
} from './mutate.ts';
import { PATCH_FLAGS, runPatch } from './patchCommand.ts';
import { ROLLOUT_FLAGS, runRollout } from './rollout.ts';
import { SET_FLAGS, runSet } from './setImage.ts';
import { isPodReady, NODE_INFO } from './printers.ts';
import { resourceTypes } from './resources.ts';
import { getImageTools, imageHasTool } from '../tools/images.ts';

/** Real kubectl verbs the terminal does not simulate: say so rather than call them unknown. */
const NOT_SIMULATED = [
  'port-forward',
  'proxy',
  'attach',
  'edit',
  'replace',
  'top',
  'cp',
  'auth',
  'debug',
  'wait',
  'diff',
  'autoscale',
  'drain',
  'cordon',
  'uncordon',
  'taint',
  'certificate',
  'kustomize',
  'plugin',
  'completion',
  'events',
  'api-versions',
];

export type RunArgv = (ctx: ShellContext, argv: string[], stdin: string) => CommandOutput;

const EXEC_FLAGS: FlagSpec[] = [
  { name: 'stdin', short: 'i', value: false },
  { name: 'tty', short: 't', value: false },
  { name: 'container', short: 'c', value: true },
  { name: 'quiet', short: 'q', value: false },
];

const LOGS_FLAGS: FlagSpec[] = [
  { name: 'follow', short: 'f', value: false },
  { name: 'previous', short: 'p', value: false },
  { name: 'container', short: 'c', value: true },
  { name: 'tail', value: true },
];

const CONFIG_FLAGS: FlagSpec[] = [
  { name: 'current', value: false },
  { name: 'minify', value: false },
  { name: 'output', short: 'o', value: true },
];

export const KUBECTL_COMMANDS: Record<string, FlagSpec[]> = {
  get: GET_FLAGS,
  describe: [
    { name: 'selector', short: 'l', value: true },
    { name: 'all-namespaces', short: 'A', value: false },
  ],
  explain: EXPLAIN_FLAGS,
  exec: EXEC_FLAGS,
  expose: EXPOSE_FLAGS,
  apply: APPLY_FLAGS,
  create: CREATE_FLAGS,
  run: RUN_FLAGS,
  delete: DELETE_FLAGS,
  scale: SCALE_FLAGS,
  label: LABEL_FLAGS,
  annotate: LABEL_FLAGS,
  patch: PATCH_FLAGS,
  rollout: ROLLOUT_FLAGS,
  set: SET_FLAGS,
  'cluster-info': [],
  version: [
    { name: 'client', value: false },
    { name: 'output', short: 'o', value: true },
  ],
  logs: LOGS_FLAGS,
  'api-resources': [
    { name: 'namespaced', value: true },
    { name: 'output', short: 'o', value: true },
  ],
  config: CONFIG_FLAGS,
};

function usageError(verb: string, error: string): CommandOutput {
  return { stdout: '', stderr: `error: ${error}\nSee 'kubectl ${verb} --help' for usage.\n`, exitCode: 1 };
}

export function kubectlCommand(
  ctx: ShellContext,
  argv: string[],
  stdin: string,
  run: RunArgv,
): CommandOutput {
  const args = argv.slice(1);
  // global flags may come before the verb: `kubectl -n kube-system get pods`
  let verbIndex = 0;
  const leading: string[] = [];
  while (verbIndex < args.length && (args[verbIndex] ?? '').startsWith('-')) {
    const flag = args[verbIndex] ?? '';
    leading.push(flag);
    if ((flag === '-n' || flag === '--namespace' || flag === '--context') && verbIndex + 1 < args.length)
      leading.push(args[++verbIndex] ?? '');
    verbIndex++;
  }
  const verb = args[verbIndex];
  if (verb === undefined || verb === 'help') {
    if (leading.includes('--version')) return versionOutput(false);
    return { stdout: KUBECTL_HELP[''] ?? '', stderr: '', exitCode: 0 };
  }
  const specs = KUBECTL_COMMANDS[verb];
  if (!specs && NOT_SIMULATED.includes(verb))
    return {
      stdout: '',
      stderr: `kubeplay: 'kubectl ${verb}' is a real kubectl command that this simulation does not perform\n`,
      exitCode: 1,
    };
  if (!specs) return { stdout: '', stderr: `error: unknown command "${verb}" for "kubectl"\n`, exitCode: 1 };
  const parsedResult = parseFlags([...leading, ...args.slice(verbIndex + 1)], specs);
  if (!parsedResult.ok) return usageError(verb, parsedResult.error);
  const parsed = parsedResult.parsed;
  if (flagBool(parsed, 'help')) return { stdout: KUBECTL_HELP[verb] ?? '', stderr: '', exitCode: 0 };
  const result = runVerb(ctx, verb, parsed, stdin, run);
  const warning = deprecationWarning(ctx, verb, parsed, stdin);
  if (!warning) return result;
  return { ...result, stderr: warning + result.stderr, display: warning + displayOf(result) };
}

function runVerb(
  ctx: ShellContext,
  verb: string,
  parsed: ParsedFlags,
  stdin: string,
  run: RunArgv,
): CommandOutput {
  const state = ctx.sim.state;
  switch (verb) {
    case 'get':
      return runGet(state, { ...parsed, args: [...parsed.args, ...parsed.rest] }, ctx.session.namespace);
    case 'describe':
      return runDescribe(state, parsed, ctx.session.namespace);
    case 'explain':
      return runExplain(parsed);
    case 'exec':
      return runExec(ctx, parsed, stdin, run);
    case 'expose':
      return runExpose(ctx, parsed);
    case 'apply':
      return runApplyOrCreate(ctx, parsed, verb, stdin);
    case 'create':
      return runCreateGenerator(ctx, parsed) ?? runApplyOrCreate(ctx, parsed, verb, stdin);
    case 'run':
      return runRun(ctx, parsed, run);
    case 'delete':
      return runDelete(ctx, parsed, stdin);
    case 'scale':
      return runScale(ctx, parsed);
    case 'label':
    case 'annotate':
      return runLabel(ctx, parsed, verb);
    case 'patch':
      return runPatch(ctx, parsed);
    case 'rollout':
      return runRollout(ctx, parsed);
    case 'set':
      return runSet(ctx, parsed);
    case 'cluster-info':
      return {
        stdout:
          'Kubernetes control plane is running at https://127.0.0.1:6443\n' +
          'CoreDNS is running at https://127.0.0.1:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\n' +
          "To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
        stderr: '',
        exitCode: 0,
      };
    case 'version':
      return versionOutput(flagBool(parsed, 'client'));
    case 'logs':
      return runLogs(ctx, parsed.args, flagString(parsed, 'namespace') ?? ctx.session.namespace);
    case 'api-resources': {
      const rows = [['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']];
      for (const t of resourceTypes())
        rows.push([
          t.plural,
          t.shortNames.join(','),
          t.group ? `${t.group}/${t.version}` : t.version,
          String(t.namespaced),
          t.kind,
        ]);
      return { stdout: formatTable(rows), stderr: '', exitCode: 0 };
    }
    case 'config':
      return runConfig(ctx, parsed.args, flagString(parsed, 'namespace'));
  }
  return { stdout: '', stderr: `error: unknown command "${verb}" for "kubectl"\n`, exitCode: 1 };
}

function versionOutput(clientOnly: boolean): CommandOutput {
  const client = `Client Version: ${NODE_INFO.kubeletVersion}\nKustomize Version: v5.6.0\n`;
  return {
    stdout: clientOnly ? client : `${client}Server Version: ${NODE_INFO.kubeletVersion}\n`,
    stderr: '',
    exitCode: 0,
  };
}

function runConfig(ctx: ShellContext, args: string[], namespace: string | undefined): CommandOutput {
  const sub = args[0];
  if (sub === 'current-context') return { stdout: 'kind-kind\n', stderr: '', exitCode: 0 };
  if (sub === 'set-context') {
    if (namespace !== undefined) ctx.session.namespace = namespace;
    return { stdout: `Context "${args[1] ?? 'kind-kind'}" modified.\n`, stderr: '', exitCode: 0 };
  }
  if (sub === 'get-contexts')
    return {
      stdout: formatTable([
        ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'],
        [
          '*',
          'kind-kind',
          'kind-kind',
          'kind-kind',
          ctx.session.namespace === 'default' ? '' : ctx.session.namespace,
        ],
      ]),
      stderr: '',
      exitCode: 0,
    };
  return { stdout: KUBECTL_HELP['config'] ?? '', stderr: '', exitCode: 0 };
}

function runLogs(ctx: ShellContext, args: string[], namespace: string): CommandOutput {
  const name = args[0];
  if (!name)
    return {
      stdout: '',
      stderr:
        "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\n",
      exitCode: 1,
    };
  const podName =
    name.startsWith('pod/') || name.startsWith('po/') ? name.slice(name.indexOf('/') + 1) : name;
  const pod = findPod(ctx, namespace, podName);
  if (!pod)
    return { stdout: '', stderr: `Error from server (NotFound): pods "${podName}" not found\n`, exitCode: 1 };
  const image = pod.spec.containers[0]?.image ?? '';
  if (/(^|\/)kubia(:|$)/.test(image))
    return { stdout: 'Kubia server starting...\n', stderr: '', exitCode: 0 };
  return { stdout: '', stderr: '', exitCode: 0 };
}

const SHELLS = ['bash', 'sh', '/bin/bash', '/bin/sh', 'ash', '/bin/ash', 'zsh'];

function runExec(ctx: ShellContext, parsed: ParsedFlags, stdin: string, run: RunArgv): CommandOutput {
  const namespace = flagString(parsed, 'namespace') ?? ctx.session.namespace;
  const target = parsed.args[0];
  if (target === undefined)
    return { stdout: '', stderr: 'error: pod, type/name or --filename must be specified\n', exitCode: 1 };
  let stderr = '';
  let command = parsed.rest;
  if (!parsed.sawDoubleDash) {
    command = parsed.args.slice(1);
    if (command.length > 0)
      stderr +=
        'kubectl exec [POD] [COMMAND] is DEPRECATED and will be removed in a future version. Use kubectl exec [POD] -- [COMMAND] instead.\n';
  } else if (parsed.args.length > 1) {
    return {
      stdout: '',
      stderr: `error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n`,
      exitCode: 1,
    };
  }
  if (command.length === 0)
    return {
      stdout: '',
      stderr: stderr + 'error: you must specify at least one command for the container\n',
      exitCode: 1,
    };

  // POD, pod/NAME, or a workload/service (kubectl picks one of its pods)
  let podName = target;
  const slash = target.indexOf('/');
  if (slash >= 0) {
    const resolved = resolveResourceArgs([target]);
    if (!resolved.ok) return { stdout: '', stderr: resolved.error + '\n', exitCode: 1 };
    const type = resolved.requests[0]?.type;
    const name = target.slice(slash + 1);
    if (type && type.kind !== 'Pod') {
      const owner = listObjects(ctx.sim.state, type.kind).find(
        (o) => o.name === name && o.namespace === namespace,
      );
      if (!owner)
        return {
          stdout: '',
          stderr: `Error from server (NotFound): ${type.plural} "${name}" not found\n`,
          exitCode: 1,
        };
      let pods =
        owner.kind === 'Service'
          ? ctx.sim.state.pods.filter(
              (p) =>
                p.metadata.namespace === namespace &&
                owner.service.manifest.spec.selector &&
                Object.entries(owner.service.manifest.spec.selector).every(
                  ([k, v]) => p.metadata.labels[k] === v,
                ),
            )
          : 'pods' in owner
            ? owner.pods
            : [];
      pods = [...pods].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
      const chosen = pods.find(isPodReady) ?? pods[0];
      if (!chosen)
        return { stdout: '', stderr: 'error: cannot attach to the pod: no pods found\n', exitCode: 1 };
      podName = chosen.metadata.name;
    } else podName = name;
  }
  const pod = findPod(ctx, namespace, podName);
  if (!pod)
    return {
      stdout: '',
      stderr: stderr + `Error from server (NotFound): pods "${podName}" not found\n`,
      exitCode: 1,
    };
  const containerFlag = flagString(parsed, 'container');
  const names = pod.spec.containers.map((c) => c.name);
  const container = containerFlag ?? names[0] ?? '';
  if (containerFlag !== undefined && !names.includes(containerFlag))
    return {
      stdout: '',
      stderr: stderr + `error: unable to upgrade connection: container not found ("${containerFlag}")\n`,
      exitCode: 1,
    };
  if (containerFlag === undefined && names.length > 1)
    stderr += `Defaulted container "${container}" out of: ${names.join(', ')}\n`;
  if (pod.status.phase !== 'Running')
    return {
      stdout: '',
      stderr: stderr + `error: unable to upgrade connection: container not found ("${container}")\n`,
      exitCode: 1,
    };
  const node = ctx.sim.state.nodes.find((n) => n.name === pod.spec.nodeName);
  if (node && !node.up)
    return {
      stdout: '',
      stderr:
        stderr +
        `Error from server: error dialing backend: dial tcp ${node.ip}:10250: connect: no route to host\n`,
      exitCode: 1,
    };

  const interactive = flagBool(parsed, 'stdin');
  const tty = flagBool(parsed, 'tty');
  if (tty && !interactive)
    stderr += 'Unable to use a TTY - input is not a terminal or the right kind of file\n';
  const image = pod.spec.containers.find((c) => c.name === container)?.image ?? '';
  const tools = getImageTools(image);
  const location = {
    kind: 'pod' as const,
    namespace,
    pod: podName,
    container,
    ...(tools.shell === 'ash' ? { shell: 'ash' as const } : {}),
  };
  if (command.length === 1 && SHELLS.includes(command[0] ?? '')) {
    const shellName = (command[0] ?? '').replace(/^.*\//, '');
    if (!imageHasTool(image, shellName) && !(tools.tools === undefined))
      return {
        stdout: '',
        stderr: `${stderr}OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0] ?? ''}": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n`,
        exitCode: 126,
      };
    if (interactive) {
      ctx.session.previous = [...ctx.session.previous, ctx.session.location];
      ctx.session.location = location;
    }
    return { stdout: '', stderr, exitCode: 0 };
  }
  const outer = { at: ctx.at, tty: ctx.tty, direct: ctx.direct };
  ctx.at = location;
  ctx.direct = true;
  ctx.tty = tty && interactive;
  const result = run(ctx, command, interactive ? stdin : '');
  ctx.at = outer.at;
  ctx.tty = outer.tty;
  ctx.direct = outer.direct;
  const failed = result.exitCode !== 0 ? `command terminated with exit code ${result.exitCode}\n` : '';
  return {
    stdout: result.stdout,
    stderr: stderr + result.stderr + failed,
    exitCode: result.exitCode,
    display: stderr + displayOf(result) + failed,
  };
}
