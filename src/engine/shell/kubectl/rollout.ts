/**
 * `kubectl rollout status|history|undo|restart` for Deployments, with kubectl's wording
 * (staging/src/k8s.io/kubectl/pkg/cmd/rollout/ and pkg/polymorphichelpers/{rollout_status,history,
 * rollback,objectrestarter}.go in https://github.com/kubernetes/kubernetes).
 *
 * `rollout status` watches: it prints each new status line while simulated time passes to the
 * cluster's next timed change (cluster/timedChanges.ts), recording those seconds as `wait` actions, and
 * returns once the rollout is done. A rollout that can no longer move waits out progressDeadlineSeconds
 * (600) and fails as kubectl does then (the deadline counts from the command, a simplification of the
 * Progressing condition's last update).
 */
import { DEFAULT_PROGRESS_DEADLINE_SECONDS } from '../../model/deploymentStrategy.ts';
import type { WorkloadState } from '../../model/state.ts';
import { REVISION_ANNOTATION, ownedReplicaSets, revisionOf } from '../../cluster/deploymentController.ts';
import { deploymentStatus } from '../../cluster/deploymentStatus.ts';
import { computePodTemplateHash } from '../../cluster/podTemplateHash.ts';
import { nextTimedChange } from '../../cluster/timedChanges.ts';
import type { CommandOutput, ShellContext } from '../context.ts';
import { fail, ok, performAction } from '../context.ts';
import { formatTimestamp } from './apiObjects.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { flagString } from './flags.ts';
import { findObject, notFoundMessage, resolveResourceArgs } from './get.ts';
import { listObjects } from './listing.ts';
import type { ListedObject } from './listing.ts';
import { isMap } from './patch/jsonValue.ts';
import type { JsonMap } from './patch/jsonValue.ts';
import { qualifiedSingular } from './resources.ts';
import { editableObject, writeBack } from './writeBack.ts';

export const ROLLOUT_FLAGS: FlagSpec[] = [
  { name: 'watch', short: 'w', value: false },
  { name: 'timeout', value: true },
  { name: 'revision', value: true },
  { name: 'to-revision', value: true },
];

const SUBCOMMANDS = ['status', 'history', 'undo', 'restart'];

type Target = { found: ListedObject; label: string };

/** The Deployment a rollout subcommand names, or kubectl's error. */
function target(ctx: ShellContext, parsed: ParsedFlags, sub: string): Target | CommandOutput {
  const args = parsed.args.slice(1);
  if (args.length === 0)
    return fail(
      `error: required resource not specified\nSee 'kubectl rollout ${sub} -h' for help and examples`,
    );
  const resolved = resolveResourceArgs(args);
  if (!resolved.ok) return fail(resolved.error);
  const request = resolved.requests[0];
  const name = request?.names[0];
  if (!request || name === undefined)
    return fail('error: resource(s) were provided, but no name was specified');
  const namespace = flagString(parsed, 'namespace') ?? ctx.session.namespace;
  const found = findObject(ctx.sim.state, request.type, namespace, name);
  if (!found) return fail(notFoundMessage(request.type, name));
  if (found.kind !== 'Deployment') {
    const group = request.type.group ? `.${request.type.group}` : '';
    if (found.kind === 'DaemonSet')
      return fail(`kubeplay: 'kubectl rollout ${sub}' of a DaemonSet is not simulated; Deployments are`);
    const what = { status: 'status viewer', history: 'history viewer', undo: 'rollbacker', restart: '' }[sub];
    if (sub === 'restart')
      return fail(`error: ${qualifiedSingular(request.type)}/${name} restarting is not supported`);
    return fail(`error: no ${what ?? ''} has been implemented for ${found.kind}${group}`);
  }
  return { found, label: `${qualifiedSingular(request.type)}/${name}` };
}

/** DeploymentStatusViewer.Status: one line, and whether the rollout is done. */
export function rolloutStatusLine(
  ctx: ShellContext['sim']['state'],
  d: WorkloadState,
): { line: string; done: boolean } {
  const name = d.manifest.metadata.name;
  const st = deploymentStatus(ctx, d);
  const waiting = (what: string) => `Waiting for deployment "${name}" rollout to finish: ${what}...\n`;
  if (st.updated < st.desired)
    return {
      line: waiting(`${st.updated} out of ${st.desired} new replicas have been updated`),
      done: false,
    };
  if (st.total > st.updated)
    return { line: waiting(`${st.total - st.updated} old replicas are pending termination`), done: false };
  if (st.available < st.updated)
    return { line: waiting(`${st.available} of ${st.updated} updated replicas are available`), done: false };
  return { line: `deployment "${name}" successfully rolled out\n`, done: true };
}

function findDeployment(ctx: ShellContext, t: Target): WorkloadState | undefined {
  const { namespace, name } = t.found;
  return ctx.sim.state.workloads.find(
    (w) =>
      w.manifest.kind === 'Deployment' &&
      w.manifest.metadata.namespace === namespace &&
      w.manifest.metadata.name === name,
  );
}

/** A Go duration as kubectl's --timeout takes it (`90s`, `2m`, `1m30s`); 0 waits forever. */
function parseTimeout(text: string | undefined): number | undefined {
  if (text === undefined || text === '0') return 0;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text);
  if (!match || text === '') return undefined;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
}

function status(ctx: ShellContext, t: Target, watch: boolean, timeout: number): CommandOutput {
  let out = '';
  let last = '';
  let waited = 0;
  for (;;) {
    const d = findDeployment(ctx, t);
    if (!d) return fail(`${out}error: deployment "${t.found.name}" was deleted`);
    const { line, done } = rolloutStatusLine(ctx.sim.state, d);
    if (line !== last) out += line;
    last = line;
    if (done || !watch) return ok(out);
    const next = nextTimedChange(ctx.sim.state);
    const deadline = DEFAULT_PROGRESS_DEADLINE_SECONDS;
    if (next === undefined || waited + (next - ctx.sim.state.clock) > deadline) {
      if (deadline > waited) performAction(ctx, { type: 'wait', seconds: deadline - waited });
      return fail(`error: deployment "${t.found.name}" exceeded its progress deadline`, 1, out);
    }
    const seconds = next - ctx.sim.state.clock;
    if (timeout > 0 && waited + seconds > timeout) {
      // the watch gives up when --timeout runs out (the simulated seconds pass all the same)
      if (timeout > waited) performAction(ctx, { type: 'wait', seconds: timeout - waited });
      return fail('error: timed out waiting for the condition', 1, out);
    }
    waited += seconds;
    performAction(ctx, { type: 'wait', seconds });
  }
}

/** `kubectl rollout history`: REVISION and CHANGE-CAUSE (kubernetes.io/change-cause) of each ReplicaSet. */
function history(ctx: ShellContext, t: Target): CommandOutput {
  const d = findDeployment(ctx, t);
  if (!d) return fail(notFoundMessage({ kind: 'Deployment' } as never, t.found.name));
  const rows = ownedReplicaSets(ctx.sim.state, d)
    .map((rs) => ({
      revision: revisionOf(rs),
      cause: rs.manifest.metadata.annotations['kubernetes.io/change-cause'],
    }))
    .sort((a, b) => a.revision - b.revision);
  const width = 'REVISION'.length + 2;
  const body = rows.map((r) => `${String(r.revision).padEnd(width)}${r.cause || '<none>'}\n`).join('');
  return ok(`${t.label}\n${'REVISION'.padEnd(width)}CHANGE-CAUSE\n${body}\n`);
}

/** The template of a ReplicaSet as the Deployment would hold it (without pod-template-hash). */
function templateOf(ctx: ShellContext, rs: WorkloadState): JsonMap | undefined {
  const listed = listObjects(ctx.sim.state, 'ReplicaSet').find(
    (o) => o.kind === 'ReplicaSet' && o.workload === rs,
  );
  if (!listed) return undefined;
  const obj = editableObject(ctx, listed);
  const spec = obj['spec'];
  const template = isMap(spec) ? spec['template'] : undefined;
  if (!isMap(template)) return undefined;
  const meta = template['metadata'];
  if (isMap(meta) && isMap(meta['labels'])) delete meta['labels']['pod-template-hash'];
  return template;
}

/** `kubectl rollout undo [--to-revision=N]`: the Deployment takes the template of that revision back. */
function undo(ctx: ShellContext, t: Target, toRevision: number): CommandOutput {
  const d = findDeployment(ctx, t);
  if (!d) return fail(notFoundMessage({ kind: 'Deployment' } as never, t.found.name));
  const replicaSets = ownedReplicaSets(ctx.sim.state, d).sort((a, b) => revisionOf(b) - revisionOf(a));
  const currentHash = computePodTemplateHash(d.manifest.template);
  // revision 0 means the one before the current (rollback.go: the second-highest revision)
  const wanted =
    toRevision === 0
      ? replicaSets.find((rs) => rs.templateHash !== currentHash)
      : replicaSets.find((rs) => revisionOf(rs) === toRevision);
  if (!wanted)
    return fail(
      toRevision === 0
        ? `error: no rollout history found for deployment "${t.found.name}"`
        : `error: unable to find specified revision ${toRevision} in history`,
    );
  if (wanted.templateHash === currentHash)
    return ok(
      `${t.label} skipped rollback (current template already matches revision ${wanted.manifest.metadata.annotations[REVISION_ANNOTATION] ?? toRevision})\n`,
    );
  const template = templateOf(ctx, wanted);
  const obj = editableObject(ctx, t.found);
  if (!template || !isMap(obj['spec']))
    return fail(`error: unable to find specified revision ${toRevision} in history`);
  obj['spec']['template'] = template;
  const refused = writeBack(ctx, t.found, obj);
  return refused ? fail(refused) : ok(`${t.label} rolled back\n`);
}

/** `kubectl rollout restart`: a new template annotation, so a new ReplicaSet rolls every pod over. */
function restart(ctx: ShellContext, t: Target): CommandOutput {
  const obj = editableObject(ctx, t.found);
  const spec = obj['spec'];
  const template = isMap(spec) ? spec['template'] : undefined;
  if (!isMap(template)) return fail(`error: ${t.label} restarting is not supported`);
  const meta = isMap(template['metadata']) ? template['metadata'] : (template['metadata'] = {});
  const annotations = isMap(meta['annotations']) ? meta['annotations'] : (meta['annotations'] = {});
  annotations['kubectl.kubernetes.io/restartedAt'] = formatTimestamp(ctx.sim.state.clock);
  const refused = writeBack(ctx, t.found, obj);
  return refused ? fail(refused) : ok(`${t.label} restarted\n`);
}

export function runRollout(ctx: ShellContext, parsed: ParsedFlags): CommandOutput {
  const sub = parsed.args[0];
  if (sub === undefined || !SUBCOMMANDS.includes(sub))
    return fail(
      sub === undefined
        ? 'error: Required subcommand: one of status, history, undo, restart'
        : `error: unknown command "${sub}" for "kubectl rollout"`,
    );
  const t = target(ctx, parsed, sub);
  if (!('found' in t)) return t;
  if (sub === 'status') {
    const timeout = parseTimeout(flagString(parsed, 'timeout'));
    if (timeout === undefined)
      return fail(
        `error: invalid argument "${flagString(parsed, 'timeout') ?? ''}" for "--timeout" flag: time: invalid duration "${flagString(parsed, 'timeout') ?? ''}"`,
      );
    return status(ctx, t, flagString(parsed, 'watch') !== 'false', timeout);
  }
  if (sub === 'history') return history(ctx, t);
  if (sub === 'undo') {
    const text = flagString(parsed, 'to-revision') ?? '0';
    const n = Number(text);
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(n))
      return fail(
        `error: invalid argument "${text}" for "--to-revision" flag: strconv.ParseInt: parsing "${text}": invalid syntax`,
      );
    return undo(ctx, t, n);
  }
  return restart(ctx, t);
}
