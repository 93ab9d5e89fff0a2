/**
 * The engine's second public door, loaded on demand: which YAML document made which object. It reads
 * the YAML again (the `yaml` library), so callers import it dynamically and the page's first bundle
 * does not carry it (docs/architecture.md: engine/index.ts is the door for everything else).
 */
export { linkDocuments, documentAtLine, documentOfGraphId } from './sim/documentLinks.ts';
export { createParseCache } from './parse/parseCache.ts';
