import type { Diagnostic } from '../model/diagnostic.ts';
import type { Manifest } from '../model/objects.ts';

export interface SourceFile {
  /** Shown in diagnostics: `manifest.yaml`, a CLI path, `-` for stdin. */
  file: string;
  text: string;
}

export interface ParseResult {
  /** In document order across the files; documents with errors that make them unusable are left out. */
  manifests: Manifest[];
  diagnostics: Diagnostic[];
}

/**
 * YAML text (one or more files, each multi-document) -> typed, defaulted manifests + diagnostics.
 * Never throws, whatever the text.
 */
export function parseManifests(files: SourceFile[]): ParseResult {
  void files;
  throw new Error('parseManifests: not implemented yet');
}
