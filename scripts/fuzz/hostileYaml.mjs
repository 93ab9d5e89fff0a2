// Hostile YAML seeds: the texts that hang or crash naive YAML handling (alias bombs, deep nesting,
// huge numbers, duplicate keys, bidi characters, __proto__ keys, floods of documents, labels or objects).
// `r` is the input's PRNG (scripts/fuzz/inputs.mjs), so each seed is sized differently every time.

const deployment = (name, replicas, extra = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      containers:\n        - name: web\n          image: nginx${extra}\n`;

const service = (name, port) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    app: web\n  ports:\n    - port: ${port}\n      targetPort: 8080\n`;

/** Billion laughs: each level refers to the one before ten times (https://en.wikipedia.org/wiki/Billion_laughs_attack). */
function aliasBomb(r) {
  const levels = 3 + r.int(8);
  const lines = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: lol',
    'data:',
    '  a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ];
  for (let i = 1; i <= levels; i++)
    lines.push(`  a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(',')}]`);
  if (r.chance(0.5)) lines.splice(3, 1, `  name: *a${levels}`);
  return lines.join('\n');
}

function deepNesting(r) {
  const depth = r.pick([99, 100, 101, 500, 5000, 100000]);
  switch (r.int(3)) {
    case 0:
      return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\n  labels: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    case 1:
      return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\nspec: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`;
    default: {
      const n = Math.min(depth, 400);
      return `apiVersion: v1\nkind: Pod\nspec:\n${Array.from({ length: n }, (_, i) => `${' '.repeat(2 * (i + 1))}k${i}:`).join('\n')} 1\n`;
    }
  }
}

function hugeNumbers(r) {
  const n = r.pick([
    '1000000',
    '1e300',
    '99999999999999999999',
    '5001',
    '5000',
    '4999',
    '-1',
    '0x7fffffff',
    '.inf',
    '.nan',
    '1_000_000',
    '0o777',
    '2.5',
    '"3"',
    '3.0',
  ]);
  switch (r.int(4)) {
    case 0:
      return deployment('huge', n);
    case 1:
      return service('big', n);
    case 2:
      return `apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: rc\nspec:\n  replicas: ${n}\n  template:\n    metadata:\n      labels:\n        app: rc\n    spec:\n      containers:\n        - name: c\n          image: nginx\n          ports:\n            - containerPort: ${n}\n`;
    default:
      return `${deployment('a', r.pick(['2500', '3000', '100']))}---\n${deployment('b', r.pick(['2500', '3000', '1000000']))}`;
  }
}

function duplicateKeys(r) {
  return r.pick([
    'apiVersion: v1\nkind: Pod\nkind: Service\nmetadata:\n  name: a\n  name: b\nspec:\n  containers: []\n',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  ports:\n    - port: 80\n      port: 81\n  selector: {app: a, app: b}\n',
    `${deployment('dup', 1)}---\n${deployment('dup', 2)}`,
    '? [a, b]\n: 1\n? {a: 1}\n: 2\n',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p, name: p}\nspec: {containers: [{name: c, image: i}, {name: c, image: i}]}\n',
  ]);
}

function bidi(r) {
  const c = r.pick([
    '\u202e',
    '\u2066',
    '\u2067',
    '\u2068',
    '\u2069',
    '\u200f',
    '\u061c',
    '\u0000',
    '\u0007',
    '\ufeff',
    '\u00a0',
    '\ud800',
    '\udc00',
  ]);
  return r.pick([
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: "ku${c}bia"\n  labels:\n    app: "a${c}"\nspec:\n  containers:\n    - name: web\n      image: nginx\n`,
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: kubia${c}\nspec:\n  ports:\n    - port: 80\n`,
    `${c}apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n`,
    `apiVersion: v1\nkind: ${c}Pod\nmetadata:\n  name: p\n`,
  ]);
}

function protoKeys(r) {
  const key = r.pick(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);
  return r.pick([
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    ${key}: x\n  ${key}:\n    polluted: true\nspec:\n  containers:\n    - name: web\n      image: nginx\n`,
    `${key}:\n  kind: Pod\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n`,
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  selector:\n    ${key}: x\n  ports:\n    - port: 80\n      ${key}: 1\n`,
    `apiVersion: v1\nkind: ${key}\nmetadata:\n  name: ${key}\n  namespace: ${key}\n`,
  ]);
}

function floods(r) {
  switch (r.int(6)) {
    case 0:
      return '---\n'.repeat(r.pick([1999, 2001, 5000]));
    case 1: {
      const n = r.pick([499, 501, 5000]);
      return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n${Array.from({ length: n }, (_, i) => `    k${i}: v`).join('\n')}\nspec:\n  containers:\n    - name: c\n      image: i\n`;
    }
    case 2:
      return Array.from({ length: r.pick([100, 1001]) }, (_, i) => service(`s${i}`, 80)).join('---\n');
    case 3:
      return Array.from(
        { length: r.pick([101, 150]) },
        (_, i) => `apiVersion: v1\nkind: Node\nmetadata:\n  name: n${i}\n`,
      ).join('---\n');
    case 4:
      return `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: long\ndata:\n  a: ${'x'.repeat(r.pick([100000, 2200000]))}\n`;
    default:
      return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${'p'.repeat(r.pick([63, 64, 253, 254, 100000]))}\n`;
  }
}

function oddSyntax(r) {
  return r.pick([
    '%YAML 1.1\n%TAG ! tag:x,2000:\n--- !foo\na: !!js/function "function(){}"\n',
    'a: !!binary |\n  ' + 'QUJD'.repeat(1000) + '\n',
    'a: &x\n  b: *x\n',
    '&a [*a]\n',
    'a: b: c: d\n',
    '- - - - - - -\n',
    '"\\u0000\\uD800\\x"\n',
    'apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: crlf\r\n',
    '\tapiVersion: v1\n\tkind: Pod\n',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: i\n      ports:\n        - containerPort: 80\n          protocol: SCTP\n          hostPort: 80\n',
    '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"json"},"spec":{"containers":[{"name":"c","image":"i"}]}}',
    '...\n---\n...\n',
    'a: |' + '\n  x'.repeat(10000),
    `a: "${'\\"'.repeat(10000)}"`,
    `a: ${'b '.repeat(50000)}`,
    'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata:\n      name: in-list\n',
  ]);
}

const SEEDS = [aliasBomb, deepNesting, hugeNumbers, duplicateKeys, bidi, protoKeys, floods, oddSyntax];

export function hostileYaml(r) {
  return r.pick(SEEDS)(r);
}
