import { describe, expect, it } from 'vitest';
import { LineCounter, parseAllDocuments } from 'yaml';
import { readYaml } from './readYaml.ts';
import { schemaFor } from './apiVersions.ts';
import { MAX_DOCUMENTS, MAX_TEXT_BYTES } from '../limits.ts';
import { format, parse, problems } from './test/helpers.ts';
import { KUBIA_SVC } from './test/fixtures.ts';

const read = (text: string) => readYaml('t.yaml', text, schemaFor);

describe('positions', () => {
  it('records every field path with its 1-based value position, and keys apart', () => {
    const doc = read('a: 1\nb:\n  c: [x, {d: 2}]\n  e:\n').documents[0];
    expect(doc?.positions).toEqual({
      '': [1, 1],
      a: [1, 4],
      b: [3, 3],
      'b.c': [3, 6],
      'b.c[0]': [3, 7],
      'b.c[1]': [3, 10],
      'b.c[1].d': [3, 14],
      'b.e': [4, 3],
    });
    expect(doc?.keyPositions['b.c']).toEqual([3, 3]);
  });

  it('documents are numbered within their file; an empty document gives no object', () => {
    const r = read('---\na: 1\n---\n---\nb: 2\n');
    expect(r.documents.map((d) => [d.doc, d.line, d.value === null])).toEqual([
      [0, 2, false],
      [1, 3, true],
      [2, 5, false],
    ]);
  });
});

describe('syntax errors', () => {
  it('are located with the yaml library message, and do not hide the good documents', () => {
    const r = parse(`${KUBIA_SVC}---\nkind: [\n---\n${KUBIA_SVC.replace('name: kubia', 'name: other')}`);
    expect(r.manifests.map((m) => (m.kind === 'Service' ? m.metadata.name : ''))).toEqual(['kubia', 'other']);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error', line: 13 });
  });

  it('duplicate keys are an error (strict decoding rejects them too)', () => {
    const r = parse('apiVersion: v1\nkind: Service\nkind: Pod\nmetadata: {name: x}\n');
    expect(r.diagnostics[0]).toMatchObject({ code: 'yaml-duplicate-key', line: 3 });
    expect(r.manifests).toEqual([]);
  });

  it('tab indentation and unclosed quotes do not throw', () => {
    expect(parse('a:\n\tb: 1\n').diagnostics[0]?.code).toBe('yaml-syntax');
    expect(parse('a: "unclosed\n').diagnostics[0]?.code).toBe('yaml-syntax');
  });
});

describe('hostile input', () => {
  it('a 5 MB paste gets one diagnostic at 1:1 naming the size and the limit', () => {
    const text = `# ${'x'.repeat(5 * 1024 * 1024)}\n`;
    const r = parse(text);
    expect(r.diagnostics.map(format)).toEqual([
      `1:1 error : the text is 5.0 MiB (${5 * 1024 * 1024 + 3} bytes); kubeplay reads at most 2.0 MiB per file. Split it or remove what the scenario does not need.`,
    ]);
    expect(MAX_TEXT_BYTES).toBe(2 * 1024 * 1024);
  });

  it('multi-byte text is measured in UTF-8 bytes', () => {
    const text = `# ${'é'.repeat(1.1 * 1024 * 1024)}\n`;
    expect(parse(text).diagnostics[0]?.code).toBe('text-too-large');
  });

  it('an alias bomb stops with a diagnostic instead of expanding', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(10)
          .fill(`*${'abcdefghij'[i - 1]}`)
          .join(', ')}]`,
      );
    const r = parse(lines.join('\n'));
    expect(r.diagnostics.map((d) => d.code)).toEqual(['yaml-alias-limit']);
  });

  it('an alias that contains itself is reported, not followed forever', () => {
    const r = parse('a: &a\n  b: *a\n');
    expect(r.diagnostics.map((d) => d.code)).toContain('yaml-alias-cycle');
  });

  it('deep nesting stops at the depth cap', () => {
    const text = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(parse(text).diagnostics.map(format)).toEqual([
      '1:101 error : nesting deeper than 100 levels; kubeplay does not read this text',
    ]);
    // A megabyte of brackets costs the yaml library seconds and hundreds of MB: the pre-scan refuses it at once.
    expect(parse('['.repeat(1_000_000)).diagnostics.map((d) => d.code)).toEqual(['yaml-too-deep']);
    // Brackets inside quotes and comments do not count.
    expect(parse(`a: "${'['.repeat(200)}"\n# ${'{'.repeat(200)}\n`).diagnostics.map((d) => d.code)).toEqual([
      'apiversion-missing',
      'kind-missing',
    ]);
    let block = '';
    for (let i = 0; i < 150; i++) block += `${'  '.repeat(i)}k${i}:\n`;
    expect(parse(block).diagnostics.map((d) => d.code)).toEqual(['yaml-too-deep']);
  });

  it('__proto__, constructor and prototype keys never reach an object prototype', () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: x
  labels:
    __proto__: {polluted: yes}
    constructor: y
spec:
  ports: [{port: 80}]
  selector: {prototype: z}
`;
    const r = parse(text);
    expect(r.diagnostics.map(format)).toEqual([
      '6:5 error metadata.labels.__proto__: the key "__proto__" is not allowed here',
      '7:5 error metadata.labels.constructor: the key "constructor" is not allowed here',
      '10:14 error spec.selector.prototype: the key "prototype" is not allowed here',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('field names inherited from Object.prototype are unknown fields, not schemas', () => {
    expect(
      problems(
        'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec:\n  toString: 1\n  ports: [{port: 80, valueOf: 2}]\n',
      ),
    ).toEqual([
      '5:3 error spec.toString: unknown field "spec.toString"',
      '6:22 error spec.ports[0].valueOf: unknown field "spec.ports[0].valueOf"',
    ]);
  });

  it('binary garbage gives diagnostics, never an exception', () => {
    let garbage = '';
    let seed = 7;
    for (let i = 0; i < 20000; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      garbage += String.fromCharCode(seed % 256);
    }
    const r = parse(garbage);
    expect(r.manifests).toEqual([]);
    expect(r.diagnostics.length).toBeGreaterThan(0);
    expect(r.diagnostics.length).toBeLessThanOrEqual(501);
  });

  it('a document that is a list or a scalar is not an object', () => {
    expect(problems('- a\n- b\n')).toEqual([
      '1:1 error : a Kubernetes object must be a mapping (apiVersion: …, kind: …), not a list or a single value',
    ]);
  });

  it('merge keys work as in the YAML kubectl reads', () => {
    const r = parse(`apiVersion: v1
kind: Service
metadata:
  name: x
  labels: &l {app: web}
spec:
  selector:
    <<: *l
    tier: front
  ports: [{port: 80}]
`);
    expect(r.diagnostics).toEqual([]);
    expect(r.manifests[0]).toMatchObject({ spec: { selector: { app: 'web', tier: 'front' } } });
  });
});

describe('diagnostic ranges', () => {
  it('unknown fields underline the key, type errors the value, syntax errors the token', () => {
    const r = parse(
      'apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec:\n  bogusField: 1\n  ports: [{port: "eighty"}]\n',
    );
    expect(r.diagnostics.map((d) => [d.code, d.line, d.column, d.endLine, d.endColumn])).toEqual([
      ['unknown-field', 5, 3, 5, 13],
      ['schema-type', 6, 18, 6, 26],
    ]);
  });
});

describe('strict field decoding', () => {
  it('type errors name the field and the expected type', () => {
    expect(
      problems(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: "3"
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web, version: 2}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: "80"}]}]}
`),
    ).toEqual([
      '5:13 error spec.replicas: Invalid value: "string": spec.replicas in body must be of type integer: "string"',
      '8:44 error spec.template.metadata.labels.version: Invalid value: "integer": spec.template.metadata.labels.version in body must be of type string: "integer"',
      '9:75 error spec.template.spec.containers[0].ports[0].containerPort: Invalid value: "string": spec.template.spec.containers[0].ports[0].containerPort in body must be of type integer: "string"',
    ]);
  });

  it('a map where a list belongs, and a list where a map belongs', () => {
    expect(
      problems('apiVersion: v1\nkind: Service\nmetadata: {name: x}\nspec:\n  ports: {port: 80}\n'),
    ).toEqual([
      '5:10 error spec.ports: Invalid value: "object": spec.ports in body must be of type array: "object"',
    ]);
    expect(problems('apiVersion: v1\nkind: Service\nmetadata: [x]\n')).toEqual([
      '3:11 error metadata: Invalid value: "array": metadata in body must be of type object: "array"',
    ]);
  });

  it('null values mean "not set", as in Kubernetes', () => {
    expect(
      problems(
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels:\nspec:\n  selector:\n  ports:\n  - port: 80\n',
      ),
    ).toEqual([]);
  });
});

describe('document count', () => {
  it('stops after the cap with one diagnostic', () => {
    const r = read('a: 1\n---\n'.repeat(MAX_DOCUMENTS + 1));
    expect(r.documents).toHaveLength(MAX_DOCUMENTS);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([['too-many-documents', 2 * MAX_DOCUMENTS]]);
  });
});

describe('documents read one at a time', () => {
  it('give the same documents, errors and positions as parsing the whole stream first', () => {
    const text =
      '# lead\na: 1\n---\nb: [1, 2\nc: 3\n---\nd:\n  e: 1\n...\n# between\n---\nf: *nope\n---\ng: "x\n';
    const lineCounter = new LineCounter();
    const whole = parseAllDocuments(text, {
      lineCounter,
      prettyErrors: false,
      merge: true,
      uniqueKeys: true,
    });
    const docs = Array.isArray(whole) ? whole : [];
    const r = read(text);
    expect(r.documents).toHaveLength(docs.length);
    r.documents.forEach((d, i) => {
      const doc = docs[i];
      const errors = doc?.errors ?? [];
      expect(d.broken).toBe(errors.length > 0);
      expect(d.diagnostics.filter((x) => x.code === 'yaml-syntax').map((x) => [x.line, x.column])).toEqual(
        errors.map((e) => {
          const p = lineCounter.linePos(e.pos[0]);
          return [p.line, p.col];
        }),
      );
    });
    expect(r.documents.map((d) => [d.line, d.column])).toEqual([
      [2, 1],
      [4, 1],
      [7, 1],
      [12, 1],
      [14, 1],
    ]);
    expect(r.documents[2]?.positions['d.e']).toEqual([8, 6]);
  });
});

describe('text as editors and Windows save it', () => {
  it('CRLF line endings and a byte-order mark give the same objects and positions', () => {
    const unix = parse(KUBIA_SVC.replace('name: kubia', 'name: Kubia'));
    const windows = parse(`\uFEFF${KUBIA_SVC.replace('name: kubia', 'name: Kubia').replace(/\n/g, '\r\n')}`);
    expect(windows.diagnostics.map(format)).toEqual(unix.diagnostics.map(format));
    expect(parse(KUBIA_SVC.replace(/\n/g, '\r\n')).manifests).toHaveLength(1);
  });
});

describe('hostile shapes answer at once with a located message', () => {
  it('block nesting 1,000 levels deep (indentation or `- - -`) is refused before the yaml parser recurses', () => {
    let nested = 'a:\n';
    for (let i = 1; i < 1000; i++) nested += `${'  '.repeat(i)}a:\n`;
    for (const text of [nested, `${'- '.repeat(1000)}x\n`]) {
      const r = read(text);
      expect(r.diagnostics.map((d) => d.code)).toEqual(['yaml-too-deep']);
      expect(r.diagnostics[0]?.message).toBe(
        'nesting deeper than 100 levels; kubeplay does not read this text',
      );
      expect(r.diagnostics[0]?.line).toBeGreaterThan(0);
      expect(JSON.stringify(r)).not.toContain('call stack');
    }
  });

  it('a block scalar with deeper and deeper lines is text, not nesting', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 2)}x`).join('\n');
    expect(read(`script: |\n${lines}\n`).diagnostics).toEqual([]);
  });

  it('a duplicate key names the key, its path and the line of the first one', () => {
    const r = parse(
      'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  name: t\nspec:\n  ports:\n  - port: 80\n',
    );
    expect(r.diagnostics.map(format)).toEqual([
      '5:3 error metadata.name: mapping key "name" already defined at line 4',
    ]);
    expect(r.manifests).toEqual([]);
  });

  it('19,990 labels on one object are read in linear time (no quadratic duplicate check)', () => {
    // Quadratic, 20,000 took ~15 s; linear, ~0.3 s. Just under MAX_DOCUMENT_LINES (20,000 lines of
    // structure in one document). Measured in CPU time: a busy machine stretched the wall time to 9 s.
    const labels = Array.from({ length: 19990 }, (_, i) => `    l${i}: v`).join('\n');
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n${labels}\n`;
    const cpuBefore = process.cpuUsage();
    const r = read(text);
    const cpu = process.cpuUsage(cpuBefore);
    expect(r.documents).toHaveLength(1);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(8000);
  });

  it('`!!float 80` is the number 80, as go-yaml reads it; `!!float abc` is one located error', () => {
    const svc = (port: string) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: ${port}\n`;
    const ok = parse(svc('!!float 80'));
    expect(ok.diagnostics).toEqual([]);
    const bad = parse(svc('!!float abc'));
    expect(bad.diagnostics.map(format)).toEqual([
      '7:19 error spec.ports[0].port: cannot decode !!str `abc` as a !!float',
    ]);
  });

  // go-yaml v2's resolve (https://github.com/go-yaml/yaml/blob/v2/resolve.go): an explicit tag its value
  // cannot hold is one error naming what the value is and the tag; kubectl reads YAML with it.
  it('a bad `!!int`, `!!bool` or `!!float` value is one error with its field path, not a type error too', () => {
    const svc = (port: string) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n  - port: ${port}\n`;
    expect(parse(svc('!!int x')).diagnostics.map(format)).toEqual([
      '7:17 error spec.ports[0].port: cannot decode !!str `x` as a !!int',
    ]);
    expect(parse(svc('!!bool maybe')).diagnostics.map(format)).toEqual([
      '7:18 error spec.ports[0].port: cannot decode !!str `maybe` as a !!bool',
    ]);
    expect(parse(svc('!!int 1.5')).diagnostics.map(format)).toEqual([
      '7:17 error spec.ports[0].port: cannot decode !!float `1.5` as a !!int',
    ]);
    expect(parse(svc('!!int true')).diagnostics.map(format)).toEqual([
      '7:17 error spec.ports[0].port: cannot decode !!bool `true` as a !!int',
    ]);
    // what the tags can hold, read go-yaml's way
    expect(parse(svc('!!int 0x50')).manifests[0]).toMatchObject({ spec: { ports: [{ port: 80 }] } });
    expect(parse(svc('!!int 8_0')).diagnostics).toEqual([]);
    expect(parse(svc('!!bool yes')).diagnostics.map(format)).toEqual([
      '7:18 error spec.ports[0].port: Invalid value: "boolean": spec.ports[0].port in body must be of type integer: "boolean"',
    ]);
  });

  it('an unknown tag is a warning with the path of the value it tags', () => {
    const r = read('apiVersion: v1\nkind: Service\nmetadata:\n  name: !!foo s\n  labels: !thing {a: b}\n');
    const warnings = r.documents[0]?.diagnostics.map((d) => [
      d.line,
      d.column,
      d.path,
      d.severity,
      d.message,
    ]);
    expect(warnings).toEqual([
      [
        4,
        9,
        'metadata.name',
        'warning',
        'unknown tag !!foo: kubectl ignores it and reads the value as it is written',
      ],
      [
        5,
        11,
        'metadata.labels',
        'warning',
        'unknown tag !thing: kubectl ignores it and reads the value as it is written',
      ],
    ]);
  });

  // go-yaml stops at a list or mapping used as a key ("invalid map key", decode.go `mapping`): JSON, and so
  // a manifest, has only string keys. The yaml library would stringify it with a console warning.
  it('a list or mapping used as a key is a located error naming the mapping it is in', () => {
    const errorsOf = (text: string) =>
      parse(text)
        .diagnostics.filter((d) => d.severity === 'error')
        .map(format);
    const svc = (labels: string) =>
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\n  labels:\n${labels}`;
    const key = 'invalid map key: a key in a manifest must be a plain string, not a list or a mapping';
    expect(errorsOf(svc('    ? [a, b]\n    : 1\n'))).toEqual([`6:7 error metadata.labels: ${key}`]);
    expect(errorsOf(svc('    {a: 1}: x\n'))).toEqual([`6:5 error metadata.labels: ${key}`]);
    expect(errorsOf(svc('    k: v\n    [a]: x\n'))).toEqual([`7:5 error : ${key}`]);
    expect(errorsOf('{a: 1}: x\n')[0]).toBe(`1:1 error : ${key}`);
  });
});
