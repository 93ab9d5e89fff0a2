/**
 * `kubectl set image TYPE/NAME CONTAINER=IMAGE … ` (`*` for every container), with kubectl's wording
 * (staging/src/k8s.io/kubectl/pkg/cmd/set/set_image.go in https://github.com/kubernetes/kubernetes):
 * `deployment.apps/kubia image updated`; an unchanged image prints nothing; an unknown container is
 * `error: unable to find container named "x"`. On a Deployment the new template starts a rollout.
 */
import type { CommandOutput, ShellContext } from '../context.ts';
import { fail } from '../context.ts';
import type { FlagSpec, ParsedFlags } from './flags.ts';
import { flagString } from './flags.ts';
import { kindModule } from '../../kinds/registry.ts';
import { findObject, notFoundMessage, resolveResourceArgs } from './get.ts';
import { isMap } from './patch/jsonValue.ts';
import { qualifiedSingular } from './resources.ts';
import { editableObject, writeBack } from './writeBack.ts';

export const SET_FLAGS: FlagSpec[] = [];

export function runSet(ctx: ShellContext, parsed: ParsedFlags): CommandOutput {
  const sub = parsed.args[0];
  if (sub !== 'image')
    return sub === undefined
      ? fail('error: Required subcommand: one of env, image, resources, selector, serviceaccount, subject')
      : fail(
          `kubeplay: 'kubectl set ${sub}' is a real kubectl command that this simulation does not perform`,
        );
  const rest = parsed.args.slice(1);
  const pairs = rest.filter((a) => a.includes('='));
  const resources = rest.filter((a) => !a.includes('='));
  if (resources.length === 0 || pairs.length === 0)
    return fail(
      "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl set image -h' for help and examples",
    );
  const resolved = resolveResourceArgs(resources);
  if (!resolved.ok) return fail(resolved.error);
  const namespace = flagString(parsed, 'namespace') ?? ctx.session.namespace;
  let stdout = '';
  let stderr = '';
  for (const request of resolved.requests) {
    for (const name of request.names) {
      const found = findObject(ctx.sim.state, request.type, namespace, name);
      if (!found) {
        stderr += notFoundMessage(request.type, name) + '\n';
        continue;
      }
      const label = `${qualifiedSingular(request.type)}/${name}`;
      if (!kindModule(found.kind).podTemplate && found.kind !== 'Pod') {
        stderr += `error: ${label} the object is not a pod or does not have a pod template: ${found.kind}\n`;
        continue;
      }
      if (found.kind === 'Pod') {
        stderr += `kubeplay: changing a Pod's image in place is not simulated; set it on its controller\n`;
        continue;
      }
      const obj = editableObject(ctx, found);
      const spec = obj['spec'];
      const template = isMap(spec) ? spec['template'] : undefined;
      const podSpec = isMap(template) ? template['spec'] : undefined;
      const containers = isMap(podSpec) && Array.isArray(podSpec['containers']) ? podSpec['containers'] : [];
      let changed = false;
      for (const pair of pairs) {
        const eq = pair.indexOf('=');
        const container = pair.slice(0, eq);
        const image = pair.slice(eq + 1);
        let matched = false;
        for (const c of containers) {
          if (!isMap(c) || (container !== '*' && c['name'] !== container)) continue;
          matched = true;
          if (c['image'] !== image) {
            c['image'] = image;
            changed = true;
          }
        }
        if (!matched) stderr += `error: unable to find container named "${container}"\n`;
      }
      if (!changed) continue;
      const refused = writeBack(ctx, found, obj);
      if (refused) stderr += `${refused}\n`;
      else stdout += `${label} image updated\n`;
    }
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
