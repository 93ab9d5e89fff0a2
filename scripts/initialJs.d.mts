/** Types of initialJs.mjs, for the TypeScript benches that measure the same thing. */
export declare const INITIAL_JS_BUDGET: number;
export declare function initialScripts(dist: string): { file: string; code: string; gzip: number }[];
export declare function initialJsGzip(dist: string): number;
