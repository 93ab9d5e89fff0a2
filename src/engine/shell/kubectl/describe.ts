/**
 * `kubectl describe` pages laid out as kubectl's describers write them (kubectl pkg/describe/describe.go):
 * the same lines, tabs and indentation, through the same tabwriter (minwidth 0, padding 2), so labels
 * align exactly as they do on a real terminal. Services, pods, ingresses, endpoints, nodes, and the
 * workloads (rc, rs, deploy).
 */
import { eventSource } from '../../cluster/eventSource.ts';
import { kindModule } from '../../kinds/registry.ts';
import type { ClusterEvent, ClusterState } from '../../model/state.ts';
import type { Container } from '../../model/objects.ts';
import { formatTimestamp } from './apiObjects.ts';
import type { CommandOutput } from '../context.ts';
import { formatAge } from '../format/age.ts';
import { DESCRIBE, formatTabbed } from '../format/tabwriter.ts';
import { formatHttpDate } from '../tools/httpDate.ts';
import { flagString } from './flags.ts';
import type { ParsedFlags } from './flags.ts';
import { findObject, notFoundMessage, resolveResourceArgs } from './get.ts';
import { matchesSelector, parseLabelSelector } from './labelSelector.ts';
import type { ListedObject } from './listing.ts';
import { listObjects } from './listing.ts';

export const L1 = '  ';
export const L2 = '    ';
export const L3 = '      ';

/**
 * describeContainerBasicInfo's ports (`%d/%s` joined by ", "; "Ports" once there are several) and the
 * command lines, shared by pods and pod templates.
 */
export function pushContainerBasics(lines: string[], c: Container): void {
  const ports = c.ports.map((p) => `${p.containerPort}/${p.protocol}`).join(', ');
  const hostPorts = c.ports.map((p) => `${p.hostPort ?? 0}/${p.protocol}`).join(', ');
  lines.push(ports.includes(',') ? `${L2}Ports:\t${ports}` : `${L2}Port:\t${ports || '<none>'}`);
  lines.push(
    hostPorts.includes(',') ? `${L2}Host Ports:\t${hostPorts}` : `${L2}Host Port:\t${hostPorts || '<none>'}`,
  );
  if (c.command.length) lines.push(`${L2}Command:`, ...c.command.map((x) => `${L3}${x}`));
  if (c.args.length) lines.push(`${L2}Args:`, ...c.args.map((x) => `${L3}${x}`));
}

/** RFC 1123 with a numeric zone, as describe prints times: `Thu, 01 Jan 2026 09:01:40 +0000`. */
export function describeTime(seconds: number): string {
  return formatHttpDate(seconds).replace(/ GMT$/, ' +0000');
}

export function multiline(
  lines: string[],
  title: string,
  map: Record<string, string>,
  skip: string[] = [],
): void {
  const keys = Object.keys(map)
    .filter((k) => !skip.includes(k))
    .sort();
  if (keys.length === 0) {
    lines.push(`${title}:\t<none>`);
    return;
  }
  keys.forEach((k, i) => {
    const value = title === 'Annotations' ? `${k}: ${map[k] ?? ''}` : `${k}=${map[k] ?? ''}`;
    lines.push(i === 0 ? `${title}:\t${value}` : `\t${value}`);
  });
}

/** metav1.Time printed with %s: Go's time.Time String(), `2006-01-02 15:04:05 +0000 UTC`. */
export function goTime(seconds: number): string {
  return `${formatTimestamp(seconds).replace('T', ' ').replace('Z', '')} +0000 UTC`;
}

export function events(
  lines: string[],
  state: ClusterState,
  kind: string,
  namespace: string,
  name: string,
): void {
  const mine = state.events.filter(
    (e: ClusterEvent) => e.object === `${kind}/${name}` && (e.namespace === namespace || !namespace),
  );
  if (mine.length === 0) {
    lines.push('Events:\t<none>');
    return;
  }
  lines.push('Events:');
  lines.push(`${L1}Type\tReason\tAge\tFrom\tMessage`);
  lines.push(`${L1}----\t------\t----\t----\t-------`);
  for (const e of mine)
    lines.push(
      `${L1}${e.type}\t${e.reason}\t${formatAge(state.clock - e.time)}\t${eventSource(e.reason, e.object)}\t${e.message}`,
    );
}

function describeOne(obj: ListedObject, state: ClusterState): string | undefined {
  const lines = kindModule(obj.kind).describe?.(obj, state);
  if (!lines) return undefined;
  return formatTabbed(lines.join('\n') + '\n', DESCRIBE);
}

export function runDescribe(
  state: ClusterState,
  parsed: ParsedFlags,
  defaultNamespace: string,
): CommandOutput {
  const namespace = flagString(parsed, 'namespace') ?? defaultNamespace;
  if (parsed.args.length === 0)
    return {
      stdout: '',
      stderr:
        'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exitCode: 1,
    };
  const resolved = resolveResourceArgs(parsed.args);
  if (!resolved.ok) return { stdout: '', stderr: resolved.error + '\n', exitCode: 1 };
  const selectorText = flagString(parsed, 'selector');
  const selector = selectorText ? parseLabelSelector(selectorText) : undefined;
  const pages: string[] = [];
  let stderr = '';
  for (const request of resolved.requests) {
    let objects: ListedObject[];
    if (request.names.length > 0) {
      objects = [];
      for (const name of request.names) {
        const found = findObject(state, request.type, namespace, name);
        if (found) objects.push(found);
        else {
          // describe also accepts a name prefix: `kubectl describe pod kubia` describes every kubia-* pod
          const prefixed = listObjects(state, request.type.kind).filter(
            (o) => o.name.startsWith(name) && (!request.type.namespaced || o.namespace === namespace),
          );
          if (prefixed.length) objects.push(...prefixed);
          else stderr += notFoundMessage(request.type, name) + '\n';
        }
      }
    } else {
      objects = listObjects(state, request.type.kind)
        .filter((o) => !request.type.namespaced || o.namespace === namespace)
        .filter((o) => !selector || (selector.ok && matchesSelector(selector.requirements, o.labels)))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    }
    for (const obj of objects) {
      const page = describeOne(obj, state);
      if (page !== undefined) pages.push(page);
    }
  }
  if (pages.length === 0 && !stderr) stderr = `No resources found in ${namespace} namespace.\n`;
  return { stdout: pages.join('\n\n'), stderr, exitCode: stderr && pages.length === 0 ? 1 : 0 };
}
