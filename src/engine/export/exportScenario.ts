/**
 * A scenario as files for a real cluster: the manifests `kubectl apply -f` takes and the config
 * `kind create cluster --config` takes (kind reads only its Cluster document, so it travels apart).
 *
 * The editor's YAML is kept as written (comments, order, formatting); the action log is folded into
 * it the way the API server would end up: `kubectl apply/create/expose/run` add or replace objects,
 * `delete` removes them, `scale`/`label`/`annotate` edit the declared fields. What has no place in a
 * manifest (a node stopped, an /etc/hosts line, a readiness file) is listed in the header, with the
 * command that does it on kind.
 */
import type { Document } from 'yaml';
import type { Action } from '../model/actions.ts';
import { hostsEntryLine } from '../model/hostsEntry.ts';
import type { NodeManifest } from '../model/objects.ts';
import { parseManifests } from '../parse/parseManifests.ts';
import { asCommentText } from './commentText.ts';
import { buildKindConfig } from './kindConfig.ts';
import type { ObjectRef } from './manifestDocuments.ts';
import { findObject, objectsOf, parseDocuments, removeFromDocument } from './manifestDocuments.ts';

export interface ExportInput {
  /** The editor's YAML. */
  yaml: string;
  actions: readonly Action[];
  /** File names without extension: `kubia` gives kubia.yaml and kubia-kind.yaml. */
  baseName: string;
  title?: string;
}

export type ScenarioExport =
  | { ok: true; manifests: string; kindConfig: string; manifestsFile: string; kindConfigFile: string }
  | { ok: false; message: string };

/** A document and the text it came from; re-printed only if an action changed it. */
interface Piece {
  yamlDoc: Document;
  source: string;
  changed: boolean;
}

function splitPieces(text: string, yamlDocs: Document[]): Piece[] {
  let start = 0;
  return yamlDocs.map((yamlDoc) => {
    const end = yamlDoc.range?.[2] ?? text.length;
    const piece = { yamlDoc, source: text.slice(start, end), changed: false };
    start = end;
    return piece;
  });
}

function withoutMarker(text: string): string {
  return text.replace(/^---[ \t]*(?:#[^\n]*)?\n/, '').replace(/^---[ \t]+/, '');
}

function printPiece(piece: Piece): string {
  const text = withoutMarker(piece.changed ? piece.yamlDoc.toString({ lineWidth: 0 }) : piece.source);
  return text.endsWith('\n') ? text : `${text}\n`;
}

function isBlank(piece: Piece): boolean {
  return withoutMarker(piece.source).trim() === '';
}

class ActionFolder {
  readonly notes: string[] = [];
  private readonly nodesDown = new Map<string, boolean>();
  private readonly podStates = new Map<string, string>();

  constructor(private readonly pieces: Piece[]) {}

  fold(action: Action): void {
    switch (action.type) {
      case 'apply':
        this.apply(action.yaml);
        return;
      case 'delete':
        if (!this.remove(action))
          this.notes.push(
            `kubectl delete ${action.kind.toLowerCase()} ${action.name}${ns(action)}${graceFlags(action.gracePeriodSeconds)}`,
          );
        return;
      case 'scale':
        if (!this.edit(action, (d) => d.node.setIn(['spec', 'replicas'], action.replicas)))
          this.notes.push(
            `kubectl scale ${action.kind.toLowerCase()} ${action.name} --replicas=${action.replicas}${ns(action)}`,
          );
        return;
      case 'label':
      case 'annotate': {
        const field = action.type === 'label' ? 'labels' : 'annotations';
        const edited = this.edit(action, (d) => {
          for (const [key, value] of Object.entries(action.set))
            d.node.setIn(['metadata', field, key], value);
          for (const key of action.remove) d.node.deleteIn(['metadata', field, key]);
        });
        if (!edited) {
          const changes = [
            ...Object.entries(action.set).map(([k, v]) => `${k}=${v}`),
            ...action.remove.map((k) => `${k}-`),
          ];
          this.notes.push(
            `kubectl ${action.type} ${action.kind.toLowerCase()} ${action.name} ${changes.join(' ')}${ns(action)}`,
          );
        }
        return;
      }
      case 'node':
        this.nodesDown.set(action.name, !action.up);
        return;
      case 'podReady':
        this.podStates.set(
          `${action.namespace}/${action.name} ready`,
          action.ready ? '' : `pod ${action.name} marked not ready (kubeplay pod unready ${action.name})`,
        );
        return;
      case 'podFile':
        this.podStates.set(
          `${action.namespace}/${action.name} ${action.path}`,
          `kubectl exec ${action.name}${ns(action)} -- ${action.present ? 'touch' : 'rm'} ${action.path}`,
        );
        return;
      case 'hosts':
        this.notes.push(`echo "${hostsEntryLine(action)}" | sudo tee -a /etc/hosts   (on ${action.client})`);
        return;
      case 'client':
        this.notes.push(`another client outside the cluster: ${action.name}`);
        return;
      case 'serviceStatus':
        this.notes.push(
          `kubectl patch svc ${action.name}${ns(action)} --subresource=status --type=merge -p '${JSON.stringify({ status: { loadBalancer: { ingress: action.ingress.map((a) => ({ ip: a })) } } })}'`,
        );
        return;
      case 'wait':
        return;
    }
  }

  runtimeNotes(): string[] {
    const nodes = [...this.nodesDown]
      .filter(([, down]) => down)
      .map(([name]) => `docker stop ${name}   (node ${name} down)`);
    const pods = [...this.podStates.values()].filter((note) => note !== '');
    return [...this.notes, ...nodes, ...pods];
  }

  /** kubectl apply: a new object is added, an existing one takes the newly declared form. */
  private apply(yaml: string): void {
    const parsed = parseDocuments(yaml);
    if (!parsed.ok) return;
    for (const piece of splitPieces(yaml, parsed.yamlDocs)) {
      if (isBlank(piece)) continue;
      for (const object of objectsOf(piece.yamlDoc)) this.remove(object);
      this.pieces.push(piece);
    }
  }

  private remove(target: ObjectRef): boolean {
    for (let i = 0; i < this.pieces.length; i++) {
      const piece = this.pieces[i];
      if (!piece) continue;
      const removed = removeFromDocument(piece.yamlDoc, target);
      if (removed === 'whole') this.pieces.splice(i, 1);
      if (removed === 'item') piece.changed = true;
      if (removed !== 'none') return true;
    }
    return false;
  }

  private edit(
    target: ObjectRef,
    change: (object: NonNullable<ReturnType<typeof findObject>>) => void,
  ): boolean {
    const object = findObject(
      this.pieces.map((p) => p.yamlDoc),
      target,
    );
    if (!object) return false;
    change(object);
    const piece = this.pieces.find((p) => p.yamlDoc === object.yamlDoc);
    if (piece) piece.changed = true;
    return true;
  }
}

/** cloud-provider-kind runs on the host, not in the cluster: run it, do not apply it (docs/load-balancers.md). */
function isCloudProviderKind(o: { kind: string; apiVersion: string }): boolean {
  return o.kind === 'CloudProviderKind' && o.apiVersion.startsWith('kubeplay.dev/');
}

function isOutsideHost(o: { kind: string; apiVersion: string }): boolean {
  return o.kind === 'OutsideHost' && o.apiVersion.startsWith('kubeplay.dev/');
}

/** The outside hosts the simulation answered for, which a real cluster reaches on its own network. */
function outsideHostsComment(pieces: Piece[]): string {
  const hosts = pieces.flatMap((p) => objectsOf(p.yamlDoc).filter(isOutsideHost));
  if (hosts.length === 0) return '';
  const lines = [
    'Servers outside the cluster the simulation stood in for (kubeplay OutsideHost, not exported):',
  ];
  for (const host of hosts) {
    const address = String(host.node.getIn(['spec', 'address']) ?? '');
    lines.push(`  ${host.name} ${address}`);
  }
  return `${lines.map((line) => `# ${asCommentText(line)}`.trimEnd()).join('\n')}\n`;
}

function ns(ref: { namespace: string }): string {
  return ref.namespace && ref.namespace !== 'default' ? ` -n ${ref.namespace}` : '';
}

/** A delete's own grace period as kubectl's flags (0 needs --force: kubectl turns a bare 0 into 1). */
function graceFlags(seconds: number | undefined): string {
  if (seconds === undefined) return '';
  return seconds === 0 ? ' --grace-period=0 --force' : ` --grace-period=${seconds}`;
}

function header(
  input: ExportInput,
  kindConfigFile: string,
  manifestsFile: string,
  notes: string[],
  hasLoadBalancer: boolean,
): string {
  const lines = [
    `${input.title ?? input.baseName}: exported from kubeplay`,
    'On a real cluster (kind: https://kind.sigs.k8s.io):',
    `  kind create cluster --config ${kindConfigFile}`,
    `  kubectl apply -f ${manifestsFile}`,
  ];
  if (hasLoadBalancer)
    lines.push(
      'LoadBalancer Services stay <pending> on kind until something hands out addresses:',
      '  run cloud-provider-kind, or install MetalLB with a pool such as 172.18.255.200-172.18.255.250.',
    );
  if (notes.length > 0) {
    lines.push(
      'Done in the simulation after loading, not declared here (pod names differ on a real cluster):',
    );
    for (const note of notes) lines.push(`  ${note}`);
  }
  return `${lines.map((line) => `# ${asCommentText(line)}`.trimEnd()).join('\n')}\n`;
}

export function exportScenario(input: ExportInput): ScenarioExport {
  const parsed = parseDocuments(input.yaml);
  if (!parsed.ok)
    return { ok: false, message: `The YAML has an error on line ${parsed.line}: ${parsed.message}` };
  const all = splitPieces(input.yaml, parsed.yamlDocs);
  const clusterPieces = all.filter((p) =>
    objectsOf(p.yamlDoc).some((o) => o.kind === 'Cluster' && o.apiVersion.startsWith('kind.x-k8s.io/')),
  );
  const nodePieces = all.filter((p) => objectsOf(p.yamlDoc).some((o) => o.kind === 'Node'));
  // kubeplay's OutsideHost stands for the internet (docs/outside-hosts.md): no cluster takes it.
  const outsidePieces = all.filter((p) =>
    objectsOf(p.yamlDoc).some((o) => isOutsideHost(o) || isCloudProviderKind(o)),
  );
  const pieces = all.filter(
    (p) => !clusterPieces.includes(p) && !nodePieces.includes(p) && !outsidePieces.includes(p),
  );

  const folder = new ActionFolder(pieces);
  for (const action of input.actions) folder.fold(action);

  const manifestsFile = `${input.baseName}.yaml`;
  const kindConfigFile = `${input.baseName}-kind.yaml`;
  const kept = pieces.filter((p) => p.changed || !isBlank(p));
  const hasLoadBalancer = kept.some((p) =>
    objectsOf(p.yamlDoc).some(
      (o) => o.kind === 'Service' && o.node.getIn(['spec', 'type']) === 'LoadBalancer',
    ),
  );
  const body = kept.map(printPiece).join('---\n');
  const manifests =
    header(input, kindConfigFile, manifestsFile, folder.runtimeNotes(), hasLoadBalancer) +
    outsideHostsComment(outsidePieces) +
    (body ? `---\n${body}` : '');
  const kindConfig = buildKindConfig(
    kindConfigFile,
    clusterPieces[0] ? printPiece(clusterPieces[0]) : undefined,
    // The Nodes as the parser reads them (role from the node-role label), the topology the simulation used.
    parseManifests([{ file: manifestsFile, text: input.yaml }]).manifests.filter(
      (m): m is NodeManifest => m.kind === 'Node',
    ),
  );
  return { ok: true, manifests, kindConfig, manifestsFile, kindConfigFile };
}
