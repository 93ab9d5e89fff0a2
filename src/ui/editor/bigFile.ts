/**
 * A big file (the 1,000-pod scenario is 170 KB) keeps monaco-yaml's whole-file work off the typing
 * path: every request to its worker re-reads the whole text, seconds of CPU per keystroke on a 2-core
 * machine, beside the engine that draws the graph (docs/performance.md, "A keystroke at 1,000 pods").
 * Small files (every bundled scenario, under 10 KB) behave exactly as before.
 */
import type * as Monaco from 'monaco-editor/editor';

/** Above this many characters a file is big. */
export const BIG_FILE_CHARS = 50_000;

/**
 * How long typing must pause in a big file before its schema check runs (after monaco-yaml's own
 * 500 ms): the engine's own checks (markers owned by `kubeplay`) come with each keystroke anyway.
 */
export const BIG_FILE_VALIDATION_PAUSE_MS = 1_500;

export function isBigFile(model: Pick<Monaco.editor.ITextModel, 'getValueLength'>): boolean {
  return model.getValueLength() > BIG_FILE_CHARS;
}

/** The model's text did not change for `ms` (false if it changed or went away meanwhile). */
export function pausedFor(model: Monaco.editor.ITextModel, ms: number): Promise<boolean> {
  const version = model.getVersionId();
  return new Promise((resolve) => {
    setTimeout(() => resolve(!model.isDisposed() && model.getVersionId() === version), ms);
  });
}

/**
 * The YAML worker's requests that re-read the whole file and can wait: the schema check; the
 * definition Monaco asks for whenever Ctrl (Cmd) is held with the pointer over the text, which after a
 * Ctrl+V of the 1,000-pod scenario cost that worker about a second of CPU beside the engine's build
 * (docs/performance.md, "The paste at 1,000 pods"); and the links Monaco looks for after every change
 * (its link detector), 1.4 s of that worker after the same paste, on the second core the engine needed.
 */
const WAIT_FOR_PAUSE: ReadonlySet<PropertyKey> = new Set(['doValidation', 'doDefinition', 'findLinks']);

/**
 * The YAML worker's proxy, with a big file's schema check and definitions waiting until typing pauses.
 * A request overtaken by a newer change answers nothing: monaco-yaml drops a check's answer for an
 * older version (monaco-marker-data-provider compares the model's version) and the newer change asks
 * again; a definition is asked again when the pointer moves or clicks.
 */
export function validateWhenTypingPauses<T extends object>(
  proxy: T,
  modelOf: (uri: string) => Monaco.editor.ITextModel | null,
): T {
  return new Proxy(proxy, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (!WAIT_FOR_PAUSE.has(key) || typeof value !== 'function') return value;
      const ask = value as (uri: string, ...rest: unknown[]) => Promise<unknown>;
      return async (uri: string, ...rest: unknown[]) => {
        const model = modelOf(uri);
        if (model && isBigFile(model) && !(await pausedFor(model, BIG_FILE_VALIDATION_PAUSE_MS)))
          return undefined;
        return ask.call(target, uri, ...rest);
      };
    },
  });
}

/**
 * A big file folds, and finds the headers that stick at the top while scrolling, by indentation (Monaco's own, computed on the page from the lines) instead of
 * asking monaco-yaml, whose folding re-read the whole file in its worker at every keystroke: in a
 * trace of one keystroke at 1,000 pods that was most of the YAML worker's second of CPU. The sticky
 * headers' default (the outline) asked it for the whole file's symbols: after a paste of the 1,000-pod
 * scenario, 1.5 s of that worker's CPU beside the engine's build, and about 290 ms on the page to
 * receive them (docs/performance.md, "The paste at 1,000 pods").
 */
export function foldBigFileByIndentation(editor: Monaco.editor.IStandaloneCodeEditor): void {
  let big: boolean | null = null;
  const update = () => {
    const model = editor.getModel();
    const next = model !== null && isBigFile(model);
    if (next === big) return;
    big = next;
    editor.updateOptions({
      foldingStrategy: next ? 'indentation' : 'auto',
      stickyScroll: { defaultModel: next ? 'indentationModel' : 'outlineModel' },
    });
  };
  editor.onDidChangeModelContent(update);
  editor.onDidChangeModel(update);
  update();
}
