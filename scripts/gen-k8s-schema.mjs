#!/usr/bin/env node
/**
 * Generates src/engine/schema/k8s-1.33.ts: the part of the Kubernetes 1.33 OpenAPI schema that the
 * kinds kubeplay reads reach, for the editor's completion/hover/value checks and `kubectl explain`.
 *
 * Sources (both public, both read from a git clone, bare or not):
 *  - the OpenAPI v2 document of Kubernetes release-1.33 (api/openapi-spec/swagger.json), as
 *    kubernetes-client/python v33.1.0 ships it untouched in kubernetes/swagger.json.unprocessed
 *    (https://github.com/kubernetes-client/python/blob/v33.1.0/scripts/constants.py: KUBERNETES_BRANCH
 *    = "release-1.33"). The full kubernetes/kubernetes repository works as well (--openapi-path).
 *  - k8s.io/api v0.33.x (https://github.com/kubernetes/api), whose `+enum` string types give the enum
 *    values and "Possible enum values" lines that an API server's OpenAPI carries (kube-openapi
 *    pkg/generators/enum.go) but the committed swagger.json leaves out.
 *
 * Usage:
 *   git clone --bare https://github.com/kubernetes-client/python /tmp/k8s-python.git
 *   git clone --bare https://github.com/kubernetes/api /tmp/k8s-api.git
 *   npm run gen:schema -- --openapi-git /tmp/k8s-python.git --api-git /tmp/k8s-api.git
 *
 * What is kept: the definitions reachable from the kinds below through $ref; of each schema only
 * description, type, properties, required, items, additionalProperties, $ref and enum, plus
 * x-kubernetes-group-version-kind on the kinds. IntOrString and Quantity become the oneOf that the
 * OpenAPI v3 document gives them (integer|string, string|number), so `port: 80` is not "wrong type".
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const defaults = {
  'openapi-git': process.env.K8S_OPENAPI_GIT ?? '',
  'openapi-ref': 'v33.1.0',
  'openapi-path': 'kubernetes/swagger.json.unprocessed',
  'api-git': process.env.K8S_API_GIT ?? '',
  'api-ref': 'v0.33.9',
  out: 'src/engine/schema/k8s-1.33.ts',
};

/** The kinds kubeplay reads (src/engine/parse/apiVersions.ts) plus those it names and skips. */
const KINDS = [
  ['', 'v1', 'Pod'],
  ['', 'v1', 'ReplicationController'],
  ['apps', 'v1', 'ReplicaSet'],
  ['apps', 'v1', 'Deployment'],
  ['apps', 'v1', 'DaemonSet'],
  ['', 'v1', 'Service'],
  ['', 'v1', 'Endpoints'],
  ['discovery.k8s.io', 'v1', 'EndpointSlice'],
  ['networking.k8s.io', 'v1', 'Ingress'],
  ['networking.k8s.io', 'v1', 'IngressClass'],
  ['networking.k8s.io', 'v1', 'NetworkPolicy'],
  ['', 'v1', 'Namespace'],
  ['', 'v1', 'Node'],
  ['', 'v1', 'Event'],
];

const KEEP = ['description', 'type', 'required', 'enum'];

function parseArgs(argv) {
  const opts = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--') || !(a.slice(2) in opts)) throw new Error(`unknown argument ${a}`);
    opts[a.slice(2)] = argv[++i] ?? '';
  }
  for (const k of ['openapi-git', 'api-git'])
    if (!opts[k]) throw new Error(`--${k} is required (a clone of the repository; see the header)`);
  return opts;
}

function gitShow(gitDir, ref, path) {
  return execFileSync('git', ['--git-dir', gitDirOf(gitDir), 'show', `${ref}:${path}`], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
}

function gitLs(gitDir, ref, dir) {
  return execFileSync('git', ['--git-dir', gitDirOf(gitDir), 'ls-tree', '--name-only', ref, `${dir}/`], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((p) => p.endsWith('.go') && !p.endsWith('_test.go') && !/generated|zz_/.test(p));
}

function gitDirOf(dir) {
  try {
    execFileSync('git', ['--git-dir', `${dir}/.git`, 'rev-parse'], { stdio: 'ignore' });
    return `${dir}/.git`;
  } catch {
    return dir;
  }
}

const defName = (ref) => ref.replace('#/definitions/', '');

/** io.k8s.api.core.v1.ServiceSpec → ['core/v1', 'ServiceSpec'] (only k8s.io/api types have Go enums). */
function goLocation(name) {
  const m = /^io\.k8s\.api\.([a-z0-9]+)\.([a-z0-9]+)\.([A-Za-z0-9]+)$/.exec(name);
  return m ? [`${m[1]}/${m[2]}`, m[3]] : undefined;
}

/**
 * Reads a Go package of k8s.io/api: its `+enum` string types with their constants (value and doc
 * comment), each struct's fields (json name → Go type) and the imports that name other packages.
 */
function readGoPackage(gitDir, ref, dir) {
  const enums = new Map();
  const structs = new Map();
  const imports = new Map();
  const consts = [];
  for (const file of gitLs(gitDir, ref, dir)) {
    const lines = gitShow(gitDir, ref, file).split('\n');
    let comment = [];
    let struct;
    for (const line of lines) {
      const t = line.trim();
      const imp = /^(?:import\s+)?(\w+)?\s*"k8s\.io\/api\/([a-z0-9]+\/[a-z0-9]+)"$/.exec(t);
      if (imp) imports.set(imp[1] ?? imp[2].split('/')[1], imp[2]);
      if (struct) {
        if (t === '}') struct = undefined;
        const field = /^(\w+)\s+(\*?(?:\w+\.)?\w+)\s+`json:"([^",]+)/.exec(t);
        if (field) struct.set(field[3], field[2].replace('*', ''));
        continue;
      }
      if (t.startsWith('//')) {
        comment.push(t.replace(/^\/\/\s?/, ''));
        continue;
      }
      const typ = /^type (\w+) (string|struct \{)$/.exec(t);
      if (typ?.[2] === 'string' && comment.includes('+enum')) enums.set(typ[1], []);
      if (typ?.[2] === 'struct {') structs.set(typ[1], (struct = new Map()));
      const c = /^(\w+)\s+(\w+)\s*=\s*"([^"]*)"/.exec(t) ?? /^(\w+)()\s*=\s*(\w+)\("([^"]*)"\)/.exec(t);
      if (c) {
        const [, name, type, value] = c[2] === '' ? [c[0], c[1], c[3], c[4]] : c;
        consts.push({ name, type, value, comment: comment.filter((l) => !l.startsWith('+')).join(' ') });
      }
      comment = [];
    }
  }
  for (const c of consts) {
    const values = enums.get(c.type);
    if (values && !values.some((v) => v.value === c.value)) values.push(c);
  }
  return { enums, structs, imports };
}

/** kube-openapi's enum description lines: "Possible enum values:" then " - `"value"` comment", sorted. */
function enumDescription(values) {
  const lines = values.map((v) => {
    const comment = v.comment
      .trim()
      .replace(new RegExp(`^${v.name}`), '')
      .trim()
      .replace(/\s+/g, ' ');
    return ` - \`${JSON.stringify(v.value)}\` ${comment}`;
  });
  return ['', 'Possible enum values:', ...lines.sort()].join('\n');
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const spec = JSON.parse(gitShow(opts['openapi-git'], opts['openapi-ref'], opts['openapi-path']));
  const all = spec.definitions;

  const roots = KINDS.map(([group, version, kind]) => {
    const name = Object.keys(all).find((n) =>
      (all[n]['x-kubernetes-group-version-kind'] ?? []).some(
        (g) => g.group === group && g.version === version && g.kind === kind,
      ),
    );
    if (!name) throw new Error(`no definition for ${group}/${version} ${kind}`);
    return name;
  });

  // Everything the kinds reach through $ref.
  const reached = new Set();
  const visit = (schema) => {
    if (!schema || typeof schema !== 'object') return;
    if (typeof schema.$ref === 'string') {
      const name = defName(schema.$ref);
      if (!reached.has(name)) {
        reached.add(name);
        visit(all[name]);
      }
    }
    for (const v of Object.values(schema)) if (typeof v === 'object') visit(v);
  };
  // ListMeta: for kubectl's `kind: List`, which has no definition of its own.
  for (const r of [...roots, 'io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta']) {
    reached.add(r);
    visit(all[r]);
  }

  const goPackages = new Map();
  const goPackage = (dir) => {
    if (!goPackages.has(dir)) goPackages.set(dir, readGoPackage(opts['api-git'], opts['api-ref'], dir));
    return goPackages.get(dir);
  };
  /** The enum values of a definition's field, from its Go type, or undefined. */
  const enumOf = (name, field) => {
    const loc = goLocation(name);
    if (!loc) return undefined;
    const pkg = goPackage(loc[0]);
    const goType = pkg.structs.get(loc[1])?.get(field);
    if (!goType) return undefined;
    const [alias, type] = goType.includes('.') ? goType.split('.') : [undefined, goType];
    const owner = alias ? pkg.imports.get(alias) : loc[0];
    if (!owner) return undefined;
    const values = goPackage(owner).enums.get(type);
    return values && values.length > 0 ? values : undefined;
  };

  const slim = (schema, name, field) => {
    const out = {};
    for (const k of KEEP) if (schema[k] !== undefined) out[k] = schema[k];
    if (schema.$ref) out.$ref = schema.$ref;
    if (schema.items) out.items = slim(schema.items);
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
      out.additionalProperties = slim(schema.additionalProperties);
    if (schema.properties) {
      out.properties = {};
      for (const p of Object.keys(schema.properties).sort())
        out.properties[p] = slim(schema.properties[p], name, p);
    }
    if (name && field && out.type === 'string') {
      const values = enumOf(name, field);
      if (values) {
        out.enum = values.map((v) => v.value).sort();
        out.description = (out.description ?? '') + '\n' + enumDescription(values);
      }
    }
    return out;
  };

  const definitions = {};
  for (const name of [...reached].sort()) {
    const schema = all[name];
    const out = slim(schema, name);
    if (schema.format === 'int-or-string') {
      delete out.type;
      out.oneOf = [{ type: 'integer' }, { type: 'string' }];
    }
    if (name === 'io.k8s.apimachinery.pkg.api.resource.Quantity') {
      delete out.type;
      out.oneOf = [{ type: 'string' }, { type: 'number' }];
    }
    if (schema['x-kubernetes-group-version-kind'])
      out['x-kubernetes-group-version-kind'] = schema['x-kubernetes-group-version-kind'];
    definitions[name] = out;
  }

  const doc = {
    $comment:
      'Generated by scripts/gen-k8s-schema.mjs (npm run gen:schema); do not edit. Kubernetes 1.33 OpenAPI ' +
      `v2 (release-1.33 api/openapi-spec/swagger.json via kubernetes-client/python ${opts['openapi-ref']}), ` +
      `enum values from k8s.io/api ${opts['api-ref']}.`,
    kubernetesVersion: '1.33',
    kinds: KINDS.map(([group, version, kind], i) => ({ group, version, kind, definition: roots[i] })),
    definitions,
  };
  // A module holding the JSON text: parsed on first use (k8sOpenApi.ts), so a `kubeplay` call or the
  // engine worker that never explains pays only for scanning one string literal.
  const out = resolve(root, opts.out);
  const header = [
    '// Generated by scripts/gen-k8s-schema.mjs (npm run gen:schema); do not edit.',
    `// Kubernetes ${doc.kubernetesVersion} OpenAPI v2: release-1.33 api/openapi-spec/swagger.json as`,
    `// kubernetes-client/python ${opts['openapi-ref']} ships it; enum values from k8s.io/api ${opts['api-ref']}.`,
    `// ${Object.keys(definitions).length} definitions reachable from: ${KINDS.map((k) => k[2]).join(', ')}.`,
  ];
  writeFileSync(
    out,
    `${header.join('\n')}\nexport const K8S_OPENAPI_JSON = ${JSON.stringify(JSON.stringify(doc))};\n`,
  );
  const enumCount = JSON.stringify(definitions).split('"enum":').length - 1;
  console.log(`${out}: ${Object.keys(definitions).length} definitions, ${enumCount} enums`);
}

main();
