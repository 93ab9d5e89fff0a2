/**
 * Caps that keep hostile or accidental input (a 5 MB paste, an alias bomb, a 10,000-level nest) from
 * hanging the tab. Each is far above what a teaching scenario needs: a 1,000-pod scenario is ~500 KiB.
 */
export const MAX_TEXT_BYTES = 2 * 1024 * 1024;
export const MAX_DOCUMENTS = 5000;
/** Nesting of maps and sequences; real manifests stay under 20. */
export const MAX_DEPTH = 100;
/** Nodes produced by expanding aliases, per document (the yaml library's own toJS guards the same way). */
export const MAX_ALIAS_NODES = 10000;
/** Diagnostics kept per file, so a pathological text cannot flood the editor. */
export const MAX_DIAGNOSTICS_PER_FILE = 500;
