/**
 * Share links: a whole scenario (YAML, seed, actions, layout, lesson step, view) <-> the text after
 * `#` in a URL. Pure TypeScript, used by the app and the CLI. Link syntax: LINKS.md.
 */
export type {
  SharedScenario,
  SharedPoint,
  SharedLesson,
  SharedCamera,
  SharedRequest,
  SharedView,
  ShareError,
  ShareErrorCode,
  DecodeResult,
} from './types.ts';
export { DEFAULT_SEED } from './types.ts';
export { encodeScenario } from './encodeScenario.ts';
export { decodeScenario } from './decodeScenario.ts';
export { restoreScenario } from './restoreScenario.ts';
export { toScenarioJson } from './codecLz.ts';
export { MAX_LINK_CHARS, MAX_INFLATED_BYTES } from './limits.ts';
export { toShareUrl } from './shareUrl.ts';
