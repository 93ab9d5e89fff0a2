/**
 * A pasted block reaches the engine before Monaco has taken it. Monaco's paste of the 170 KB 1,000-pod
 * scenario (the text model, its lines, the view) took 100-200 ms of the page's main thread before the
 * change was reported and sent to the engine, whose Worker meanwhile had nothing to do. The paste event
 * carries the text, so the text the file will have is known when it is dispatched: it goes to the app
 * (`readPasteAhead`), which has the engine read its documents on its own core meanwhile
 * (docs/performance.md, "The paste at 1,000 pods"). The edit itself still comes from Monaco's change.
 */
import type { OnMount } from '@monaco-editor/react';

type CodeEditor = Parameters<OnMount>[0];

/**
 * The text after pasting `pasted` over [start, end) of `text`, as Monaco's text model stores it: line
 * breaks become the model's own (`eol`).
 */
export function textAfterPaste(
  text: string,
  start: number,
  end: number,
  pasted: string,
  eol: string,
): string {
  const lines = eol === '\n' ? pasted.replace(/\r\n?/g, '\n') : pasted.replace(/\r\n|\r|\n/g, eol);
  return text.slice(0, start) + lines + text.slice(end);
}

/** Listens for pastes into the editor (capture: before Monaco's own handler takes the text). */
export function readPastesAhead(editor: CodeEditor, readAhead: (text: string) => void): void {
  editor.getContainerDomNode().addEventListener(
    'paste',
    (event) => {
      const pasted = event.clipboardData?.getData('text/plain');
      const model = editor.getModel();
      const selections = editor.getSelections();
      // Several cursors may each take a line of the text: only the plain case is foreseen.
      if (!pasted || !model || selections?.length !== 1) return;
      const selection = selections[0]!;
      const start = model.getOffsetAt(selection.getStartPosition());
      const end = model.getOffsetAt(selection.getEndPosition());
      readAhead(textAfterPaste(model.getValue(), start, end, pasted, model.getEOL()));
    },
    true,
  );
}
