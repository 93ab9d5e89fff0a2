/** A located message about the user's input: YAML syntax, schema, Kubernetes validation, or a teacher's hint. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** The file the text came from (`manifest.yaml` in the app, the path given to the CLI, `-` for stdin). */
  file: string;
  /** 1-based line and column of the offending node (the field's value, or its key when the field is missing). */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  /** The field path as the API server prints it: `spec.ports[0].nodePort`, `metadata.name`; '' when it is about the whole YAML document */
  path: string;
  /** Kubernetes' own wording where it has one: `Invalid value: 29999: provided port is not in the valid range. ...` */
  message: string;
  /** A stable code for tooling and tests: `yaml-syntax`, `unknown-field`, `svc-nodeport-range`, … */
  code: string;
}

/** Where a document, and each of its fields, came from in the text. Keys are field paths as in Diagnostic.path. */
export interface SourceRef {
  file: string;
  /** 0-based index of the YAML document in its file. */
  doc: number;
  line: number;
  column: number;
  /** field path -> [line, column] (1-based) of the value; '' is the document itself. */
  positions: Record<string, [number, number]>;
}
