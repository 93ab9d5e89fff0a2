/**
 * kubectl's generators: `kubectl run` (a Pod, labelled run=NAME), `kubectl create deployment|namespace|
 * service`. Each builds the object kubectl would send and applies it as YAML, so the action log holds
 * ordinary manifests.
 */
import { deletePodAndWait } from './deleteWait.ts';
import type { CommandOutput, ShellContext } from '../context.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { flagAll, flagBool, flagString } from './flags.ts';
import { findObject } from './get.ts';
import { findResourceType } from './resources.ts';
import type { RunArgv } from './kubectl.ts';
import { getImageTools } from '../tools/images.ts';
import { applyGenerated } from './mutate.ts';
import { parseIntFlag } from './intFlag.ts';

export const RUN_FLAGS: FlagSpec[] = [
  { name: 'image', value: true },
  { name: 'port', value: true },
  { name: 'labels', short: 'l', value: true },
  { name: 'env', value: true, multi: true },
  { name: 'restart', value: true },
  { name: 'stdin', short: 'i', value: false },
  { name: 'tty', short: 't', value: false },
  { name: 'rm', value: false },
  { name: 'command', value: false },
  { name: 'expose', value: false },
  { name: 'dry-run', value: true },
  { name: 'image-pull-policy', value: true },
];

export const CREATE_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', value: true, multi: true },
  { name: 'image', value: true, multi: true },
  { name: 'replicas', short: 'r', value: true },
  { name: 'port', value: true },
  { name: 'tcp', value: true, multi: true },
  { name: 'node-port', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'dry-run', value: true },
  { name: 'save-config', value: false },
  { name: 'validate', value: true },
];

const SHELLS = ['bash', 'sh', '/bin/bash', '/bin/sh', 'ash'];

function parseKeyValues(text: string | undefined): Record<string, string> | undefined {
  if (!text) return undefined;
  return Object.fromEntries(
    text.split(',').map((kv) => {
      const eq = kv.indexOf('=');
      return [kv.slice(0, eq), kv.slice(eq + 1)];
    }),
  );
}

function exists(ctx: ShellContext, typeWord: string, namespace: string, name: string): boolean {
  const type = findResourceType(typeWord);
  return type !== undefined && findObject(ctx.sim.state, type, namespace, name) !== undefined;
}

/** `kubectl run NAME --image=IMAGE [--port] [--labels] [--env] [-it] [--rm] [--command] -- [ARGS…]` */
export function runRun(ctx: ShellContext, parsed: ParsedFlags, run: RunArgv): CommandOutput {
  const name = parsed.args[0];
  if (!name)
    return {
      stdout: '',
      stderr: "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n",
      exitCode: 1,
    };
  const image = flagString(parsed, 'image');
  if (!image) return { stdout: '', stderr: 'error: required flag(s) "image" not set\n', exitCode: 1 };
  const namespace = flagString(parsed, 'namespace') ?? ctx.session.namespace;
  const interactive = flagBool(parsed, 'stdin');
  const remove = flagBool(parsed, 'rm');
  if (remove && !interactive)
    return { stdout: '', stderr: 'error: --rm should only be used for attached containers\n', exitCode: 1 };
  if (exists(ctx, 'pod', namespace, name))
    return {
      stdout: '',
      stderr: `Error from server (AlreadyExists): pods "${name}" already exists\n`,
      exitCode: 1,
    };
  const words = [...parsed.args.slice(1), ...parsed.rest];
  const container: Record<string, unknown> = { name, image };
  if (words.length) container[flagBool(parsed, 'command') ? 'command' : 'args'] = words;
  const port = flagString(parsed, 'port');
  if (port) container['ports'] = [{ containerPort: Number(port) }];
  const env = flagAll(parsed, 'env');
  if (env.length)
    container['env'] = env.map((kv) => ({
      name: kv.slice(0, kv.indexOf('=')),
      value: kv.slice(kv.indexOf('=') + 1),
    }));
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: parseKeyValues(flagString(parsed, 'labels')) ?? { run: name } },
    spec: { containers: [container] },
  };
  const created = applyGenerated(ctx, pod, `pod/${name} created\n`);
  if (!interactive || created.exitCode !== 0) return created;

  const ash = getImageTools(image).shell === 'ash';
  const location = {
    kind: 'pod' as const,
    namespace,
    pod: name,
    container: name,
    ...(remove ? { removeOnExit: true } : {}),
    ...(ash ? { shell: 'ash' as const } : {}),
  };
  const command = words.length ? words : ['sh'];
  if (command.length === 1 && SHELLS.includes(command[0] ?? '')) {
    ctx.session.previous = [...ctx.session.previous, ctx.session.location];
    ctx.session.location = location;
    return { stdout: "If you don't see a command prompt, try pressing enter.\n", stderr: '', exitCode: 0 };
  }
  // an attached one-off command: its output, then (with --rm) the pod goes away
  const outer = { at: ctx.at, tty: ctx.tty, direct: ctx.direct };
  ctx.at = location;
  ctx.direct = true;
  ctx.tty = flagBool(parsed, 'tty');
  const result = run(ctx, command, '');
  ctx.at = outer.at;
  ctx.tty = outer.tty;
  ctx.direct = outer.direct;
  let tail = '';
  if (remove) {
    deletePodAndWait(ctx, namespace, name);
    tail = `pod "${name}" deleted\n`;
  }
  return {
    stdout: result.stdout + tail,
    stderr: result.stderr,
    exitCode: result.exitCode,
    display: (result.display ?? result.stdout + result.stderr) + tail,
  };
}

/** The container name kubectl derives from an image: `luksa/kubia:v1` -> `kubia`. */
function containerNameOf(image: string): string {
  const base = image.split('/').pop() ?? image;
  return (base.split(/[:@]/)[0] ?? base).toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/** `kubectl create deployment|namespace|service …` (without -f). */
export function runCreateGenerator(ctx: ShellContext, parsed: ParsedFlags): CommandOutput | undefined {
  const [what, ...rest] = parsed.args;
  const namespace = flagString(parsed, 'namespace') ?? ctx.session.namespace;
  if (what === 'deployment' || what === 'deploy') {
    const name = rest[0];
    const images = flagAll(parsed, 'image');
    if (!name) return { stdout: '', stderr: 'error: exactly one NAME is required, got 0\n', exitCode: 1 };
    if (images.length === 0)
      return { stdout: '', stderr: 'error: required flag(s) "image" not set\n', exitCode: 1 };
    if (exists(ctx, 'deployment', namespace, name))
      return {
        stdout: '',
        stderr: `Error from server (AlreadyExists): deployments.apps "${name}" already exists\n`,
        exitCode: 1,
      };
    // kubectl create deployment's --replicas and --port are int32 flags (pflag's Int32Var).
    const replicas = parseIntFlag(
      { name: 'replicas', short: 'r' },
      flagString(parsed, 'replicas') ?? '1',
      32,
    );
    if (!replicas.ok) return { stdout: '', stderr: `error: ${replicas.error}\n`, exitCode: 1 };
    const portText = flagString(parsed, 'port');
    const portFlag = portText === undefined ? undefined : parseIntFlag({ name: 'port' }, portText, 32);
    if (portFlag && !portFlag.ok) return { stdout: '', stderr: `error: ${portFlag.error}\n`, exitCode: 1 };
    const port = portFlag?.ok ? portFlag.value : undefined;
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace, labels: { app: name } },
      spec: {
        replicas: replicas.value,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: {
            containers: images.map((image) => ({
              name: containerNameOf(image),
              image,
              ...(port !== undefined ? { ports: [{ containerPort: port }] } : {}),
            })),
          },
        },
      },
    };
    return applyGenerated(ctx, deployment, `deployment.apps/${name} created\n`);
  }
  if (what === 'namespace' || what === 'ns') {
    const name = rest[0];
    if (!name) return { stdout: '', stderr: 'error: exactly one NAME is required, got 0\n', exitCode: 1 };
    if (exists(ctx, 'namespace', '', name))
      return {
        stdout: '',
        stderr: `Error from server (AlreadyExists): namespaces "${name}" already exists\n`,
        exitCode: 1,
      };
    return applyGenerated(
      ctx,
      { apiVersion: 'v1', kind: 'Namespace', metadata: { name } },
      `namespace/${name} created\n`,
    );
  }
  if (what === 'service' || what === 'svc') {
    const [type, name] = rest;
    const types: Record<string, string> = {
      clusterip: 'ClusterIP',
      nodeport: 'NodePort',
      loadbalancer: 'LoadBalancer',
    };
    const serviceType = types[type ?? ''];
    if (!serviceType || !name)
      return { stdout: '', stderr: 'error: exactly one NAME is required, got 0\n', exitCode: 1 };
    const tcp = flagAll(parsed, 'tcp');
    if (tcp.length === 0)
      return { stdout: '', stderr: 'error: required flag(s) "tcp" not set\n', exitCode: 1 };
    if (exists(ctx, 'service', namespace, name))
      return {
        stdout: '',
        stderr: `Error from server (AlreadyExists): services "${name}" already exists\n`,
        exitCode: 1,
      };
    const nodePort = flagString(parsed, 'node-port');
    const ports = tcp
      .flatMap((t) => t.split(','))
      .map((pair) => {
        const [port = '', target = port] = pair.split(':');
        return {
          name: `${port}-${target}`,
          port: Number(port),
          protocol: 'TCP',
          targetPort: /^\d+$/.test(target) ? Number(target) : target,
          ...(nodePort && serviceType === 'NodePort' ? { nodePort: Number(nodePort) } : {}),
        };
      });
    const service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, namespace, labels: { app: name } },
      spec: { type: serviceType, selector: { app: name }, ports },
    };
    return applyGenerated(ctx, service, `service/${name} created\n`);
  }
  return undefined;
}
