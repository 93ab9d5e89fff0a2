/**
 * A QuickFix as a text edit against the current text: the value that starts at the fix's line and
 * column, replaced by the new one written in the same style (a block map stays a block map). Returns
 * undefined when the text no longer has a value there (it changed since the explanation was made).
 */
import { isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Node as YamlNode } from 'yaml';
import type { QuickFix } from './types.ts';

/** A replacement of the text between two 1-based positions (the end is exclusive). */
export interface TextEdit {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  text: string;
}

const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

function scalarText(value: string | number): string {
  if (typeof value === 'number') return String(value);
  // Quoted when YAML would read the plain text as something else (a number, true, null, …).
  return PLAIN.test(value) && !/^(\d+(\.\d*)?|true|false|null|yes|no|on|off|~)$/i.test(value)
    ? value
    : JSON.stringify(value);
}

function mapText(value: Record<string, string>, block: boolean, indent: number): string {
  const entries = Object.entries(value).map(([k, v]) => `${scalarText(k)}: ${scalarText(v)}`);
  return block ? entries.join(`\n${' '.repeat(indent)}`) : `{${entries.join(', ')}}`;
}

function offsetOf(lineStarts: number[], line: number, column: number): number | undefined {
  const start = lineStarts[line - 1];
  return start === undefined ? undefined : start + column - 1;
}

function positionOf(lineStarts: number[], offset: number): [number, number] {
  let line = 0;
  while (line + 1 < lineStarts.length && (lineStarts[line + 1] ?? 0) <= offset) line++;
  return [line + 1, offset - (lineStarts[line] ?? 0) + 1];
}

/** The outermost value node that starts at `offset` (map values and sequence items, never keys). */
function nodeAt(node: unknown, offset: number): YamlNode | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const range = (node as YamlNode).range;
  if (range && range[0] === offset && (isScalar(node) || isMap(node) || isSeq(node))) return node as YamlNode;
  if (range && (offset < range[0] || offset > range[2])) return undefined;
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      const found = isPair(item) ? nodeAt(item.value, offset) : nodeAt(item, offset);
      if (found) return found;
    }
  }
  return undefined;
}

export function editForFix(text: string, fix: QuickFix): TextEdit | undefined {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = offsetOf(lineStarts, fix.line, fix.column);
  if (offset === undefined) return undefined;
  let target: YamlNode | undefined;
  for (const doc of parseAllDocuments(text)) {
    if (!('contents' in doc)) continue;
    target = nodeAt(doc.contents, offset);
    if (target) break;
  }
  const range = target?.range;
  if (!target || !range) return undefined;
  let replacement: string;
  if (typeof fix.value === 'object') {
    if (!isMap(target)) return undefined;
    replacement = mapText(fix.value, !target.flow, fix.column - 1);
  } else {
    if (!isScalar(target)) return undefined;
    replacement = scalarText(fix.value);
  }
  // A block map's range runs on to the next line: stop at its last character.
  let end = range[1];
  while (end > range[0] && /\s/.test(text[end - 1] ?? '')) end--;
  const [endLine, endColumn] = positionOf(lineStarts, end);
  return { startLine: fix.line, startColumn: fix.column, endLine, endColumn, text: replacement };
}

/** The text with the edit applied (for tests and for the CLI). */
export function applyTextEdit(text: string, edit: TextEdit): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const start = offsetOf(lineStarts, edit.startLine, edit.startColumn) ?? text.length;
  const end = offsetOf(lineStarts, edit.endLine, edit.endColumn) ?? text.length;
  return text.slice(0, start) + edit.text + text.slice(end);
}
