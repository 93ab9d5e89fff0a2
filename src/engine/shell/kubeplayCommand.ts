/**
 * `kubeplay …`: the actions no real command performs (a node failing, a pod turning unready without
 * touching its probe, another outside client, time passing), so every action in the log can be typed,
 * scripted and replayed.
 */
import type { CommandOutput, ShellContext } from './context.ts';
import { ok, performAction } from './context.ts';

export const KUBEPLAY_HELP = `kubeplay: actions a real cluster performs without a command

Usage:
  kubeplay node down|up NODE        stop or restart a node (kubelet and its network)
  kubeplay pod unready|ready POD    force a pod's readiness [-n NAMESPACE]
  kubeplay client add NAME          add another machine outside the cluster
  kubeplay wait SECONDS             let time pass (ages grow, session affinity expires)
  kubeplay help                     this text
`;

function usage(message: string): CommandOutput {
  return { stdout: '', stderr: `kubeplay: ${message}\nRun 'kubeplay help' for usage.\n`, exitCode: 2 };
}

export function kubeplayCommand(ctx: ShellContext, argv: string[]): CommandOutput {
  const args = argv.slice(1);
  let namespace = ctx.session.namespace;
  const nsIndex = args.findIndex((a) => a === '-n' || a === '--namespace');
  if (nsIndex >= 0) {
    namespace = args[nsIndex + 1] ?? namespace;
    args.splice(nsIndex, 2);
  }
  const [what, verb, name] = args;
  const state = ctx.sim.state;
  switch (what) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return ok(KUBEPLAY_HELP);
    case 'node': {
      if ((verb !== 'down' && verb !== 'up') || !name) return usage('expected: kubeplay node down|up NODE');
      if (!state.nodes.some((n) => n.name === name))
        return {
          stdout: '',
          stderr: `Error from server (NotFound): nodes "${name}" not found\n`,
          exitCode: 1,
        };
      performAction(ctx, { type: 'node', name, up: verb === 'up' });
      return ok(`node/${name} ${verb === 'up' ? 'is up' : 'is down'}\n`);
    }
    case 'pod': {
      if ((verb !== 'ready' && verb !== 'unready') || !name)
        return usage('expected: kubeplay pod unready|ready POD');
      const podName = name.replace(/^pods?\//, '');
      if (!state.pods.some((p) => p.metadata.namespace === namespace && p.metadata.name === podName))
        return {
          stdout: '',
          stderr: `Error from server (NotFound): pods "${podName}" not found\n`,
          exitCode: 1,
        };
      performAction(ctx, { type: 'podReady', namespace, name: podName, ready: verb === 'ready' });
      return ok(`pod/${podName} ${verb === 'ready' ? 'marked ready' : 'marked unready'}\n`);
    }
    case 'client': {
      if (verb !== 'add' || !name) return usage('expected: kubeplay client add NAME');
      if (state.clients.some((c) => c.name === name))
        return { stdout: '', stderr: `kubeplay: client "${name}" already exists\n`, exitCode: 1 };
      performAction(ctx, { type: 'client', name });
      const ip = ctx.sim.state.clients.find((c) => c.name === name)?.ip;
      return ok(`client/${name} added${ip ? ` (${ip})` : ''}\n`);
    }
    case 'wait': {
      const seconds = Number(verb);
      if (!Number.isFinite(seconds) || seconds <= 0) return usage('expected: kubeplay wait SECONDS');
      performAction(ctx, { type: 'wait', seconds });
      return ok('');
    }
    default:
      return usage(`unknown command "${what}"`);
  }
}
