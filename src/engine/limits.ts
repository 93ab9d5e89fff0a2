/**
 * Every limit of the playground, in one place. kubeplay runs in a browser tab (or one CLI process), so
 * hostile or accidental input (a 5 MB paste, an alias bomb, a 10,000-level nest, `replicas: 1000000`, a
 * link that carries any of these) must be refused quickly with a located, explained message instead of
 * hanging the page. Each limit is far above what a teaching scenario needs (a 1,000-pod scenario is about
 * 500 KiB of YAML) and is checked BEFORE anything is allocated, so refusing costs next to nothing.
 *
 * These are limits of the playground, not of Kubernetes: messages say so, so a student does not take them
 * for Kubernetes behaviour. Kubernetes' own limits (a label value is at most 63 characters, a port is
 * 1-65535, ...) live with the validation that enforces them, under parse/validate.
 */

/** Bytes of YAML read per file. */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
/** YAML documents read per file; the rest are reported and ignored. */
export const MAX_DOCUMENTS = 2000;
/**
 * Nesting of maps and sequences; real manifests stay under 20. Checked on the raw text before the yaml
 * library parses it: its parser and composer recurse, and ~900 levels exhaust the JavaScript stack
 * (`Maximum call stack size exceeded`).
 */
export const MAX_DEPTH = 100;
/**
 * Lines of structure in one YAML document (blank lines, comments and the text of a `|` / `>` block scalar
 * do not count), and items of flow collections (`[a, b]`, `{a: 1}`) in one document. The yaml library
 * spends ~40 µs of CPU per line, so 100,000 `- role: worker` lines (1.5 MB, under MAX_TEXT_BYTES) took
 * 4 s before any other limit could answer; this is counted on the raw text first. A real manifest has a
 * few hundred lines; a file of many documents is not limited by it.
 */
export const MAX_DOCUMENT_LINES = 20000;
/** Nodes produced by expanding aliases, per document (the yaml library's own toJS guards the same way). */
export const MAX_ALIAS_NODES = 10000;
/** Diagnostics kept per file, so a pathological text cannot flood the editor. */
export const MAX_DIAGNOSTICS_PER_FILE = 500;

/**
 * Pods in the whole simulated cluster (bare Pods and every replica of every workload). Each pod gets an
 * IP, DNS records, endpoints and a node on the canvas; past a few thousand the page stops being usable.
 * A workload whose replicas would take the cluster past this is refused like an invalid object.
 */
export const MAX_PODS = 5000;
/** Nodes: objects of kind Node plus the nodes of a kind Cluster config (`nodes:` entries). */
export const MAX_NODES = 100;
/** Services in the whole cluster (each allocates a ClusterIP and maybe a NodePort on every node). */
export const MAX_SERVICES = 1000;
/**
 * Entries in metadata.labels plus metadata.annotations of one object (a pod template's too). Kubernetes
 * caps annotations at 256 KiB in total and labels only by key/value syntax; the playground indexes every
 * label for selectors, so it counts entries.
 */
export const MAX_METADATA_ENTRIES = 500;

/** The sentence every limit message ends with, so no one mistakes it for Kubernetes behaviour. */
export const PLAYGROUND_LIMIT_NOTE = 'a limit of this playground, not of Kubernetes';

/** `5000` -> `5,000`, fixed so messages read the same in every locale and test. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `spec.replicas: Invalid value: 1000000: kubeplay simulates at most 5,000 pods in all (…)`. */
export function podLimitDetail(): string {
  return `kubeplay simulates at most ${formatCount(MAX_PODS)} pods in all (${PLAYGROUND_LIMIT_NOTE})`;
}

/** `this document has more than 20,000 lines …`, said where the 20,001st starts. */
export function documentLinesMessage(): string {
  return `this document has more than ${formatCount(MAX_DOCUMENT_LINES)} lines or list items; kubeplay reads at most ${formatCount(MAX_DOCUMENT_LINES)} per document (${PLAYGROUND_LIMIT_NOTE})`;
}

/** `metadata.labels: Too many: 50000: kubeplay keeps at most 500 labels and annotations per object (…)`. */
export function metadataLimitMessage(count: number): string {
  return `Too many: ${count}: kubeplay keeps at most ${formatCount(MAX_METADATA_ENTRIES)} labels and annotations per object (${PLAYGROUND_LIMIT_NOTE})`;
}

/** `nodes: Too many: 100001: kubeplay simulates at most 100 nodes (…)`. */
export function nodeLimitMessage(count: number): string {
  return `Too many: ${count}: kubeplay simulates at most ${formatCount(MAX_NODES)} nodes (${PLAYGROUND_LIMIT_NOTE})`;
}

/** `metadata.name: Forbidden: kubeplay simulates at most 1,000 Services (…)`. */
export function serviceLimitMessage(): string {
  return `Forbidden: kubeplay simulates at most ${formatCount(MAX_SERVICES)} Services (${PLAYGROUND_LIMIT_NOTE})`;
}
