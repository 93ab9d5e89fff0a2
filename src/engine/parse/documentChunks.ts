/**
 * A multi-document YAML text cut at its document markers, so each document's text can be read on its
 * own and its reading kept while the text around it changes (parseCache.ts). A line that starts with
 * `---` followed by a space, a tab or the end of the line always starts a new document: YAML 1.2 §9.1
 * (https://yaml.org/spec/1.2.2/#91-documents) forbids it inside any scalar ("c-forbidden").
 */
export interface DocumentChunk {
  /** The chunk's text, from its `---` line (or the start of the file) up to the next one. */
  text: string;
  /** 1-based line of the chunk's first line in the whole text. */
  line: number;
}

function startsDocument(text: string, at: number): boolean {
  if (!text.startsWith('---', at)) return false;
  const next = text.charCodeAt(at + 3);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 10 || next === 13;
}

/**
 * The chunks, in order, or null when the text uses what ties documents together or ends them some
 * other way (a `%` directive, a `...` document-end marker): such a text is read whole.
 */
export function splitIntoDocumentChunks(text: string): DocumentChunk[] | null {
  const chunks: DocumentChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 1;
  let line = 1;
  let at = 0;
  while (at < text.length) {
    const c = text.charCodeAt(at);
    if (c === 37 || (c === 46 && text.startsWith('...', at))) return null;
    if (c === 45 && at > chunkStart && startsDocument(text, at)) {
      chunks.push({ text: text.slice(chunkStart, at), line: chunkLine });
      chunkStart = at;
      chunkLine = line;
    }
    const end = text.indexOf('\n', at);
    if (end < 0) break;
    at = end + 1;
    line++;
  }
  chunks.push({ text: text.slice(chunkStart), line: chunkLine });
  return chunks;
}
