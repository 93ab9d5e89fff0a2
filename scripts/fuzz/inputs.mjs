// The fuzzer's inputs. Input number i of seed S is a pure function of (S, i): a worker makes it from its
// index, and the main thread makes it again to record an input that hung the worker, so any finding
// replays with `npm run fuzz -- --seed S --only i`. Three families, as a student or a link brings them:
// YAML (the bundled scenarios mutated, and hostile seeds), share links (the real codec's output, mutated
// and truncated, and hand-made JSON) and terminal lines (kubectl, curl and shell syntax).
import LZString from 'lz-string';
import { hostileYaml } from './hostileYaml.mjs';

/** mulberry32: a small, fast, seedable PRNG (public domain, https://gist.github.com/tommyettinger/46a874533244883189143505d203312c). */
export function makeRandom(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)], chance: (p) => next() < p };
}

/** The seed of input `index` of run `seed`: inputs are independent, so any one replays alone. */
function inputSeed(seed, index) {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

/** Values that break naive code: huge, negative, non-numeric, YAML-special, markup, bidi. */
const NASTY = [
  '1000000',
  '5000',
  '5001',
  '1e300',
  '-1',
  '-0',
  '99999999999999999999',
  '0x7fffffff',
  '2147483648',
  '65536',
  '.inf',
  '-.inf',
  '!!float 80',
  '!!binary aGk=',
  '!!map {}',
  '"\u202ex"',
  '"\u0000"',
  '*a',
  '&a [*a]',
  '{',
  '[',
  '|',
  '>-',
  '',
  '~',
  'null',
  'yes',
  'NO',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  '{__proto__: {x: 1}}',
  '<img src=x onerror=alert(1)>',
  '"${jndi:ldap://x}"',
  '"%s%s%n"',
  "'",
  '"',
  'x'.repeat(300),
];
const GLUE = [
  '\u202e',
  '\u2066',
  '\u200f',
  '\u0000',
  '\u0007',
  '\t',
  '\r',
  '\ufeff',
  ' #',
  ':',
  '- ',
  '? ',
  '&x ',
  '*x',
  '\\',
  '"',
  "'",
  '---',
  '...',
];

function mutateLines(r, text) {
  const lines = text.split('\n');
  for (let k = 1 + r.int(4); k > 0; k--) {
    const i = r.int(lines.length);
    const line = lines[i] ?? '';
    switch (r.int(10)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, line);
        break;
      case 2:
        lines[i] = `  ${line}`;
        break;
      case 3:
        lines[i] = line.replace(/\d+/, r.pick(NASTY));
        break;
      case 4:
        lines[i] = line.replace(/: .*$/, `: ${r.pick(NASTY)}`);
        break;
      case 5:
        lines[i] = line + r.pick(GLUE);
        break;
      case 6: {
        const at = r.int(line.length + 1);
        lines[i] = line.slice(0, at) + r.pick(GLUE) + line.slice(at);
        break;
      }
      case 7:
        // A key moved under another (duplicate keys, wrong parents).
        lines.splice(r.int(lines.length), 0, line);
        break;
      case 8:
        lines[i] = line.replace(
          /^(\s*)([\w.-]+):/,
          `$1${r.pick(['__proto__', 'constructor', 'name', 'replicas', 'ports', 'selector'])}:`,
        );
        break;
      default:
        lines[i] = `${'  '.repeat(r.int(40))}${line.trim()}`;
    }
  }
  return lines.join('\n');
}

/** Characters cut, doubled or swapped anywhere: what a slip on the keyboard or a bad paste does. */
function mutateChars(r, text) {
  let out = text;
  for (let k = 1 + r.int(3); k > 0; k--) {
    const at = r.int(out.length + 1);
    const len = 1 + r.int(20);
    switch (r.int(3)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + len);
        break;
      case 1:
        out = out.slice(0, at) + out.slice(at, at + len).repeat(2 + r.int(3)) + out.slice(at + len);
        break;
      default:
        out = out.slice(0, at) + r.pick(GLUE) + out.slice(at);
    }
  }
  return out;
}

function mutate(r, text) {
  return r.chance(0.7) ? mutateLines(r, text) : mutateChars(r, text);
}

/** One document of a scenario: smaller inputs run faster, so more of them run per second. */
function oneDocument(r, text) {
  const docs = text.split(/^---$/m).filter((d) => d.trim());
  return docs.length ? r.pick(docs) : text;
}

function yamlInput(r, scenarios) {
  const index = r.int(scenarios.length);
  // Hostile seeds are few but big (a thousand Services, thousands of pods): a tenth of the inputs.
  const roll = r.int(20);
  if (roll < 1) return { kind: 'hostile', scenario: index, text: hostileYaml(r) };
  if (roll < 2) return { kind: 'hostile-mutated', scenario: index, text: mutate(r, hostileYaml(r)) };
  const base = roll < 12 ? oneDocument(r, scenarios[index]) : scenarios[index];
  return { kind: roll < 12 ? 'document' : 'scenario', scenario: index, text: mutate(r, base) };
}

const NAMES = [
  'kubia',
  'kubia-nodeport',
  'web',
  'default',
  'kube-system',
  'x'.repeat(300),
  '\u202ekubia',
  '__proto__',
  '',
];

function randomAction(r) {
  const name = r.pick(NAMES);
  const namespace = r.pick(['default', 'kube-system', '__proto__', 'nope']);
  switch (r.int(8)) {
    case 0:
      return {
        type: 'scale',
        kind: r.pick(['Deployment', 'ReplicaSet', 'ReplicationController']),
        namespace,
        name,
        replicas: Number(r.pick(['0', '3', '5000', '5001', '1000000'])),
      };
    case 1:
      return { type: 'delete', kind: r.pick(['Pod', 'Service', 'Namespace', 'Node']), namespace, name };
    case 2:
      return {
        type: 'apply',
        yaml: r.chance(0.5) ? hostileYaml(r) : 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n',
      };
    case 3:
      return { type: 'node', name: r.pick(['kind-worker', 'kind-control-plane', name]), up: r.chance(0.5) };
    case 4:
      return {
        type: 'label',
        kind: 'Pod',
        namespace,
        name,
        set: { [r.pick(['app', '__proto__', 'a/b/c'])]: r.pick(['x', '', 'y'.repeat(70)]) },
        remove: [],
      };
    case 5:
      return { type: 'wait', seconds: Number(r.pick(['1', '1e9', '-1', '0'])) };
    case 6:
      return {
        type: 'hosts',
        client: 'laptop',
        ip: r.pick(['10.0.0.1', '999.1.1.1', '']),
        hostnames: [name],
      };
    default:
      return { type: 'podReady', namespace, name, ready: r.chance(0.5) };
  }
}

/** JSON a hand-written (or hostile) link might carry: wrong types, unsafe keys, huge lists, deep nesting. */
function craftedScenarioJson(r, scenarios) {
  const yaml = r.chance(0.8) ? r.pick(scenarios) : hostileYaml(r);
  switch (r.int(10)) {
    case 0:
      return `{"yaml":${JSON.stringify(yaml)},"__proto__":{"polluted":true}}`;
    case 1:
      return JSON.stringify({ yaml, actions: [{ type: 'scale', constructor: { prototype: { x: 1 } } }] });
    case 2:
      return JSON.stringify({ yaml, seed: r.pick([1e308, -1, 1.5, '1', null, 2 ** 53]) });
    case 3:
      return JSON.stringify({
        yaml,
        actions: Array.from({ length: r.pick([100, 10001]) }, () => ({ type: 'wait', seconds: 1 })),
      });
    case 4:
      return `{"yaml":${JSON.stringify(yaml)},"layout":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    case 5:
      return JSON.stringify({ yaml: r.pick([1, null, [], {}, true]) });
    case 6:
      return JSON.stringify({
        yaml,
        lesson: {
          id: 'x',
          step: r.pick([0, -1, 1e9, 0.5]),
          source: r.chance(0.5) ? hostileYaml(r) : 'id: x\ntitle: [',
        },
      });
    case 7:
      return JSON.stringify({
        yaml,
        view: {
          selected: r.pick(['svc/default/kubia', '__proto__', 5]),
          request: {
            from: 'client/laptop',
            url: r.pick(['http://kubia', 'javascript:alert(1)', 'x'.repeat(10000)]),
          },
          camera: { x: 1e308, y: -1e308, zoom: 0 },
        },
      });
    case 8:
      return JSON.stringify({
        yaml,
        layout: Object.fromEntries(
          Array.from({ length: r.pick([10, 1000, 20001]) }, (_, i) => [`pod/default/p${i}`, { x: i, y: -i }]),
        ),
      });
    default:
      return JSON.stringify({ yaml, actions: Array.from({ length: 1 + r.int(5) }, () => randomAction(r)) });
  }
}

/** What happens to a link on its way: cut short, a character changed, wrapped, re-encoded, glued to prose. */
function mutateFragment(r, link) {
  switch (r.int(9)) {
    case 0:
      return link.slice(0, r.int(link.length));
    case 1: {
      const at = r.int(link.length);
      return (
        link.slice(0, at) +
        r.pick([...'AZaz09-_.%+/=~!#$ ', '\u202e', '\n', '%zz', '%25']) +
        link.slice(at + 1)
      );
    }
    case 2: {
      const at = r.int(link.length);
      return link.slice(0, at) + link.slice(at + 1);
    }
    case 3:
      return (
        r.pick(['https://example.org/kubeplay/#', '#', ' ', 'see ']) +
        link +
        r.pick(['', '.', ').', '\n', ' and more', '!!!'])
      );
    case 4:
      return r.pick(['z2.', 'lz', 'Z1.', 'lz.lz.', 'v9.', '']) + link.slice(3);
    case 5:
      return link + link.slice(3, 3 + r.int(200));
    case 6:
      return encodeURIComponent(link);
    case 7: {
      // Base64url's last block changed: deflate data whose checksum no longer holds.
      const tail = link.slice(-8).split('').reverse().join('');
      return link.slice(0, -8) + tail;
    }
    default:
      return (
        link.slice(0, 3) +
        link.slice(3).replace(/[A-Za-z]/g, (c) => (r.chance(0.01) ? r.pick([...'Aa9-_']) : c))
      );
  }
}

function linkInput(r, scenarios, target) {
  const roll = r.int(20);
  if (roll < 6) {
    const yaml = r.chance(0.1) ? hostileYaml(r) : mutate(r, r.pick(scenarios));
    const actions = r.chance(0.4) ? Array.from({ length: 1 + r.int(4) }, () => randomAction(r)) : [];
    const seed = r.pick([1, 2, 42, 2 ** 31, Number.MAX_SAFE_INTEGER, -5]);
    return { kind: 'encoded', fragment: target.makeLink(yaml, seed, actions, r.chance(0.7) ? 'z1' : 'lz') };
  }
  if (roll < 17) {
    const link = target.makeLink(
      r.pick(scenarios),
      1,
      r.chance(0.3) ? [randomAction(r)] : [],
      r.chance(0.7) ? 'z1' : 'lz',
    );
    return { kind: 'mutated', fragment: mutateFragment(r, link) };
  }
  if (roll < 19)
    return {
      kind: 'crafted',
      fragment: `lz.${LZString.compressToEncodedURIComponent(craftedScenarioJson(r, scenarios))}`,
    };
  // Garbage, and text long enough to reach the link length limit.
  const alphabet = 'ABCxyz019-_.%#~+ \u202e';
  const length = r.pick([0, 1, 5, 100, 5000, 530000]);
  let text = r.pick(['z1.', 'lz.', '', '#']);
  for (let i = 0; i < length; i++) text += alphabet[r.int(alphabet.length)];
  return { kind: 'garbage', fragment: text };
}

const COMMANDS = [
  'kubectl get W',
  'kubectl get pods -o wide',
  'kubectl get W -o jsonpath={.items[*].metadata.name}',
  'kubectl get pods -l app=W',
  'kubectl get pods --field-selector status.phase=W',
  'kubectl describe svc W',
  'kubectl scale rc kubia --replicas=N',
  'kubectl scale deployment W --replicas N',
  'kubectl create deployment W --image=nginx --replicas=N',
  'kubectl expose rc kubia --name=W --port=N --target-port=N',
  'kubectl label pods --all W=W --overwrite',
  'kubectl annotate svc kubia W=W',
  'kubectl delete W W',
  'kubectl delete ns W',
  'kubectl run W --image=nginx --port=N',
  'kubectl exec W -- curl -s http://W:N/',
  'kubectl exec -it W -- sh -c "W"',
  'kubectl logs W',
  'kubectl apply -f W',
  'kubectl rollout status deployment W',
  'kubectl set image deployment/W web=W',
  'kubectl cordon W',
  'kubectl port-forward svc/W N:N',
  'curl http://W:N/W',
  'curl -H "Host: W" -X W --resolve W:N:W -m N http://W/',
  'curl -v W',
  'curl file:///etc/passwd',
  'wget -qO- W',
  'nslookup W',
  'dig W.default.svc.cluster.local',
  'ping -c N W',
  'echo W',
  'echo $W ${W:-W} $(W) `W`',
  'export W=W',
  'cat W',
  'grep -E W',
  'kubectl get pods | grep W | head -N | wc -l',
  'env | sort',
  'cd W',
  'kubeplay W',
  'sudo W',
  'W',
];
const WORDS = [
  '1000000',
  '1e300',
  '2147483648',
  '0',
  '-1',
  '65536',
  'kubia',
  'kubia-nodeport',
  'kube-system',
  'pods',
  'svc',
  'all',
  '$(id)',
  '`id`',
  '"<img src=x>"',
  '(a+)+$',
  '(x|x)*y',
  '[[:alpha:]',
  '\\',
  '\u202e',
  "'",
  '"',
  ';',
  '&&',
  '||',
  '|',
  '&',
  '>',
  '2>&1',
  '<<EOF',
  '$((1/0))',
  '{a,b}',
  '*',
  '~',
  '#',
  '--replicas=99999999999999999999',
  `--${'x'.repeat(5000)}`,
  'a'.repeat(300),
  '__proto__',
  'constructor',
];
const OPERATORS = ['; ', ' && ', ' || ', ' | ', ';', '&&', '||'];

function terminalLine(r) {
  let line = r
    .pick(COMMANDS)
    .replace(/W|N/g, (c) =>
      c === 'N' && r.chance(0.5) ? String(r.pick([80, 8080, 0, 65536, 1e6, -1])) : r.pick(WORDS),
    );
  for (let k = r.int(4); k > 0; k--)
    line += r.pick(OPERATORS) + r.pick(COMMANDS).replace(/W|N/g, () => r.pick(WORDS));
  if (r.chance(0.05)) line = line.repeat(2 + r.int(50));
  if (r.chance(0.1)) {
    const at = r.int(line.length + 1);
    line = line.slice(0, at) + r.pick(["'", '"', '\\', '$(', '`', '${', '\u0000', '\n']) + line.slice(at);
  }
  return line;
}

function terminalInput(r, scenarios) {
  return {
    kind: r.chance(0.3) ? 'session' : 'line',
    scenario: r.int(scenarios.length),
    lines: Array.from({ length: r.chance(0.3) ? 2 + r.int(3) : 1 }, () => terminalLine(r)),
  };
}

export const FAMILIES = ['yaml', 'link', 'terminal'];

/**
 * Input `index` of run `seed`: { family, kind, ... }. `target` is the bundled fuzz target (for the
 * share codec and the scenarios).
 */
export function makeInput(seed, index, target) {
  const r = makeRandom(inputSeed(seed, index));
  const scenarios = target.SCENARIOS;
  const family = FAMILIES[r.int(FAMILIES.length)];
  if (family === 'yaml') {
    const input = yamlInput(r, scenarios);
    return { family, ...input, edit: r.chance(0.5) };
  }
  if (family === 'link') return { family, ...linkInput(r, scenarios, target) };
  return { family, ...terminalInput(r, scenarios) };
}

/** Runs an input against the target: a Verdict, or a throw (a crash). */
export function runInput(input, target) {
  if (input.family === 'yaml')
    return input.edit ? target.editYaml(input.scenario, input.text) : target.checkYaml(input.text);
  if (input.family === 'link') return target.openLink(input.fragment);
  return target.runLines(input.scenario, input.lines);
}

/** The input as a person would reproduce it, shortened for a report. */
export function describeInput(input, max = 300) {
  const text =
    input.family === 'yaml' ? input.text : input.family === 'link' ? input.fragment : input.lines.join('\n');
  const shown = JSON.stringify(text);
  return shown.length > max ? `${shown.slice(0, max)}… (${text.length} chars)` : shown;
}
