/**
 * The engine's third public door, loaded on demand: a scenario's playground limits checked before the
 * engine's Worker has answered (parse/earlyLimitCheck.ts). The store imports it dynamically when the
 * page opens a share link, so the page's first bundle does not carry the YAML reader.
 */
export { checkLimitsEarly, EARLY_CHECK_MAX_CHARS } from './parse/earlyLimitCheck.ts';
