/**
 * The Monaco YAML editor (a lazy chunk: the graph shows before it loads). Text flows to the scenario
 * store on every change; the store's text flows back only when it changed elsewhere (a scenario
 * picked), so typing never fights the store. Engine diagnostics become markers.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Editor from '@monaco-editor/react';
import type { OnMount } from '@monaco-editor/react';
import type { editor } from 'monaco-editor/editor';
import { MANIFEST_FILE } from '../../store/kubeplayApp.ts';
import { useApp, useSimulation, useView } from '../../store/react.ts';
import { foldBigFileByIndentation } from './bigFile.ts';
import { readPastesAhead } from './pasteAhead.ts';
import { setUpMonaco } from './monacoSetup.ts';
import { toMarkers } from './toMarkers.ts';
import { useBlameAndFixes } from './useBlameAndFixes.ts';

const monaco = setUpMonaco();
type CodeEditor = Parameters<OnMount>[0];
/**
 * The last reveal the editor carried out. A reveal can be asked for before the editor exists (a click
 * on a card opens the hidden YAML panel, and Monaco mounts after): it is done on mount, once, and not
 * again when the panel is closed and reopened.
 */
let revealedNonce = 0;

/**
 * Tells the app where the cursor is while the editor has the focus (the graph rings that document's
 * objects) and that it left; the container carries the line as `data-cursor-line` for tests.
 */
function followCursor(editor: CodeEditor, moveCursor: (line: number | null) => void): void {
  const container = editor.getContainerDomNode();
  const report = () => {
    const line = editor.getPosition()?.lineNumber ?? null;
    container.dataset.cursorLine = String(line ?? '');
    moveCursor(editor.hasTextFocus() ? line : null);
  };
  editor.onDidChangeCursorPosition(report);
  editor.onDidFocusEditorText(report);
  editor.onDidBlurEditorText(() => moveCursor(null));
  report();
}

const options = {
  fontSize: 15,
  minimap: { enabled: false },
  scrollBeyondLastLine: false,
  automaticLayout: true,
  tabSize: 2,
  wordWrap: 'off',
  renderWhitespace: 'selection',
  // Monaco asks the YAML worker for code actions at every cursor move (for its light bulb), and
  // monaco-yaml answers by reading the whole file again: a 1,000-pod file cost that worker seconds per
  // keystroke on a 2-core machine, beside the engine. Ctrl+. still asks for them; kubeplay's own quick
  // fixes come from the request explanations (docs/editing.md#performance).
  lightbulb: { enabled: 'off' as editor.ShowLightbulbIconMode.Off },
  // No colour values in Kubernetes YAML: the default colour finder would scan the text at each change.
  colorDecorators: false,
  // What a student types is what the file gets: Monaco closes a quote or bracket by itself only when
  // the line's tokens happen to be ready, so the same keys (`note: "a [b]"`, copied from a slide) gave
  // `note: "a [b]""` about one time in four (e2e/typing.spec.ts). Nothing is inserted unasked.
  autoClosingBrackets: 'never',
  autoClosingQuotes: 'never',
} as const;

export default function YamlEditor() {
  const app = useApp();
  const { t } = useTranslation();
  const labelled = useMemo(() => ({ ...options, ariaLabel: t('editor.yamlLabel') }), [t]);
  const editorRef = useRef<CodeEditor | null>(null);
  const theme = useView((s) => s.theme);
  const diagnostics = useSimulation((s) => s.diagnostics);
  const reveal = useView((s) => s.revealRequest);
  useBlameAndFixes(editorRef);
  const [mounted, setMounted] = useState(false);

  const onMount: OnMount = (editor) => {
    editorRef.current = editor;
    followCursor(editor, app.moveEditorCursor);
    foldBigFileByIndentation(editor);
    readPastesAhead(editor, app.readPasteAhead);
    setMounted(true);
    const model = editor.getModel();
    if (model) {
      monaco.editor.setModelMarkers(
        model,
        'kubeplay',
        toMarkers(app.simulation.getState().diagnostics, MANIFEST_FILE, (l) => model.getLineLength(l)),
      );
    }
  };

  // The store's YAML changed for another reason (scenario picked, storage restored): show it. A
  // keystroke changes the store too, with the very text the editor reported; reading the whole
  // model back to see that (170 KB at 1,000 pods, on every keystroke) is skipped while the model is
  // still at the version that text came from.
  const reported = useRef<{ text: string; version: number } | null>(null);
  useEffect(
    () =>
      app.scenario.subscribe((s) => {
        const editor = editorRef.current;
        if (!editor) return;
        const own = reported.current;
        if (own && s.yaml === own.text && editor.getModel()?.getVersionId() === own.version) return;
        if (editor.getValue() !== s.yaml) editor.setValue(s.yaml);
      }),
    [app],
  );
  const onChange = (value: string | undefined) => {
    const version = editorRef.current?.getModel()?.getVersionId();
    reported.current = value !== undefined && version !== undefined ? { text: value, version } : null;
    app.editYaml(value ?? '');
  };

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model) return;
    monaco.editor.setModelMarkers(
      model,
      'kubeplay',
      toMarkers(diagnostics, MANIFEST_FILE, (l) => (l <= model.getLineCount() ? model.getLineLength(l) : 0)),
    );
  }, [diagnostics]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || !reveal || reveal.nonce === revealedNonce) return;
    revealedNonce = reveal.nonce;
    editor.revealLineInCenter(reveal.line);
    editor.setPosition({ lineNumber: reveal.line, column: reveal.column });
    if (!reveal.keepFocus) editor.focus();
    if (!reveal.flash) return;
    const flash = editor.createDecorationsCollection([
      {
        range: { startLineNumber: reveal.line, startColumn: 1, endLineNumber: reveal.line, endColumn: 1 },
        options: { isWholeLine: true, className: 'kp-doc-flash' },
      },
    ]);
    // The CSS fades it out; the decoration itself goes with the next edit or reveal.
    const sub = editor.onDidChangeModelContent(() => flash.clear());
    return () => {
      sub.dispose();
      flash.clear();
    };
  }, [reveal, mounted]);

  return (
    <Editor
      path={`file:///${MANIFEST_FILE}`}
      defaultLanguage="yaml"
      defaultValue={app.scenario.getState().yaml}
      theme={theme === 'dark' ? 'vs-dark' : 'vs'}
      options={labelled}
      onMount={onMount}
      onChange={onChange}
      loading={<p className="kp-muted">{t('editor.loading')}</p>}
    />
  );
}
