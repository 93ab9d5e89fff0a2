/**
 * What "Why did this request fail?" asks of the editor: highlight a revealed line (the blamed field),
 * and apply a quick fix as one edit with undo stops around it, so Ctrl+Z takes it back. The edit itself
 * is computed by the engine (editForFix) from the current text; a fix that no longer fits the text
 * (edited since) does nothing.
 */
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { editor as MonacoEditor } from 'monaco-editor';
import { editForFix } from '../../engine/index.ts';
import { useView } from '../../store/react.ts';

export function useBlameAndFixes(editorRef: RefObject<MonacoEditor.IStandaloneCodeEditor | null>): void {
  const reveal = useView((s) => s.revealRequest);
  const quickFix = useView((s) => s.quickFixRequest);
  const highlight = useRef<MonacoEditor.IEditorDecorationsCollection | null>(null);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    highlight.current?.clear();
    if (!reveal?.highlight) return;
    const model = editor.getModel();
    if (!model || reveal.line > model.getLineCount()) return;
    const end = model.getLineMaxColumn(reveal.line);
    highlight.current = editor.createDecorationsCollection([
      {
        range: { startLineNumber: reveal.line, startColumn: 1, endLineNumber: reveal.line, endColumn: end },
        options: { isWholeLine: true, className: 'kp-blame-line' },
      },
      {
        range: {
          startLineNumber: reveal.line,
          startColumn: reveal.column,
          endLineNumber: reveal.line,
          endColumn: end,
        },
        options: { inlineClassName: 'kp-blame-text' },
      },
    ]);
    // The highlight goes with the next edit: the line it marked may have moved.
    const sub = editor.onDidChangeModelContent(() => {
      highlight.current?.clear();
      sub.dispose();
    });
    return () => sub.dispose();
  }, [reveal, editorRef]);

  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || !quickFix) return;
    const edit = editForFix(model.getValue(), quickFix.fix);
    if (!edit) return;
    const range = {
      startLineNumber: edit.startLine,
      startColumn: edit.startColumn,
      endLineNumber: edit.endLine,
      endColumn: edit.endColumn,
    };
    editor.pushUndoStop();
    editor.executeEdits('kubeplay-quick-fix', [{ range, text: edit.text }]);
    editor.pushUndoStop();
    editor.revealLineInCenter(edit.startLine);
    editor.setPosition({ lineNumber: edit.startLine, column: edit.startColumn });
    editor.focus();
  }, [quickFix, editorRef]);
}
