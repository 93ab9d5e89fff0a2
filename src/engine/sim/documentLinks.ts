/**
 * Which YAML document made which object, both ways: from an object's graph id to its document, and
 * from a line of the text to the objects its document made. A document makes the object it names
 * (matched by kind, namespace and name, as `kubectl apply` does: objectIdentity.ts) and what the
 * control plane makes for it: a Service its Endpoints and load balancer, a controller its pods (a
 * Deployment through its ReplicaSets), the kind config its nodes. Objects the cluster makes on its own
 * (CoreDNS, kube-dns, the `kubernetes` Service) or a terminal command created name no document.
 */
import { findKindModule } from '../kinds/registry.ts';
import type { SourceFile } from '../parse/parseManifests.ts';
import type { ClusterState, WorkloadState } from '../model/state.ts';
import { objectKey } from './objectIdentity.ts';
import type { ObjectIdentity } from './objectIdentity.ts';
import { readDocumentSlots } from './documentSlots.ts';

export interface DocumentLink {
  file: string;
  /** 0-based document index in the file. */
  doc: number;
  /** 1-based line of the document's first field (where a reveal puts the cursor). */
  line: number;
  /** 1-based lines the document spans, comments above its first field included, `---` excluded. */
  startLine: number;
  endLine: number;
  identity?: ObjectIdentity;
  /** Graph ids of what the document makes now (empty when nothing it names is in the cluster). */
  graphIds: string[];
}

const KIND_CLUSTER = /^kind:\s*Cluster\s*(#.*)?$/;
const SEPARATOR = /^(---|\.\.\.)(\s|$)/;

function separatorLines(text: string): number[] {
  const lines: number[] = [];
  text.split('\n').forEach((l, i) => {
    if (SEPARATOR.test(l)) lines.push(i + 1);
  });
  return lines;
}

function workloadId(w: WorkloadState): string {
  return objectKey({
    kind: w.manifest.kind,
    namespace: w.manifest.metadata.namespace,
    name: w.manifest.metadata.name,
  });
}

/** Pods each workload owns, a Deployment's through its ReplicaSets (ownerRef chains). */
function podsByWorkload(state: ClusterState): Map<string, string[]> {
  const pods = new Map<string, string[]>();
  const add = (key: string, id: string) => pods.set(key, [...(pods.get(key) ?? []), id]);
  const deploymentOf = new Map<string, string>();
  for (const w of state.workloads) {
    if (w.ownerRef) {
      const ns = w.manifest.metadata.namespace;
      deploymentOf.set(
        workloadId(w),
        objectKey({ kind: w.ownerRef.kind, namespace: ns, name: w.ownerRef.name }),
      );
    }
  }
  for (const p of state.pods) {
    if (!p.ownerRef) continue;
    const ns = p.metadata.namespace;
    const owner = objectKey({ kind: p.ownerRef.kind, namespace: ns, name: p.ownerRef.name });
    const id = `pod/${ns}/${p.metadata.name}`;
    add(owner, id);
    const deployment = deploymentOf.get(owner);
    if (deployment) add(deployment, id);
  }
  return pods;
}

/** What the object a document names shows as on the graph, including what the cluster made for it. */
function graphIdsOf(state: ClusterState, identity: ObjectIdentity, owned: Map<string, string[]>): string[] {
  return findKindModule(identity.kind)?.graphIds?.(state, identity, owned) ?? [];
}

/** Every document of `file` with the line range it spans and the graph ids of what it made. */
export function linkDocuments(state: ClusterState, file: SourceFile): DocumentLink[] {
  const slots = readDocumentSlots([file]);
  const separators = separatorLines(file.text);
  const textLines = file.text.split('\n');
  const lineCount = textLines.length;
  const owned = podsByWorkload(state);
  return slots.map((slot, i) => {
    const before = separators.filter((s) => s < slot.line).at(-1) ?? 0;
    const after = separators.find((s) => s > slot.line) ?? lineCount + 1;
    const next = slots[i + 1];
    // List items share a document: each item ends where the next begins.
    const end = next && next.doc === slot.doc ? Math.min(next.line, after) - 1 : after - 1;
    const previous = slots[i - 1];
    const start = previous && previous.doc === slot.doc ? slot.line : before + 1;
    // kind's config has no metadata.name, so it names no object; it still made the nodes.
    const identity =
      slot.identity ??
      (textLines.slice(start - 1, end).some((l) => KIND_CLUSTER.test(l))
        ? { kind: 'Cluster', namespace: '', name: '' }
        : undefined);
    return {
      file: slot.file,
      doc: slot.doc,
      line: slot.line,
      startLine: start,
      endLine: end,
      ...(identity ? { identity } : {}),
      graphIds: identity ? graphIdsOf(state, identity, owned) : [],
    };
  });
}

/** The document the cursor at `line` is in, if any. */
export function documentAtLine(links: DocumentLink[], line: number): DocumentLink | undefined {
  return links.find((l) => l.startLine <= line && line <= l.endLine);
}

/** The document that made a graph object (a pod: its controller's, or its own), if one did. */
export function documentOfGraphId(links: DocumentLink[], graphId: string): DocumentLink | undefined {
  return links.find((l) => l.graphIds.includes(graphId));
}
