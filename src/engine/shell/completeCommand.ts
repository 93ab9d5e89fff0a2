/**
 * Tab completion for the terminal: commands, kubectl verbs and flags, resource types, object names,
 * namespaces, pod names for exec/logs, node and pod names for `kubeplay`, files for `-f`.
 */
import type { Simulation } from '../sim/simulation.ts';
import { GLOBAL_FLAGS } from './kubectl/flags.ts';
import { explainCompletions } from './kubectl/explain.ts';
import { KUBECTL_COMMANDS } from './kubectl/kubectl.ts';
import { listObjects } from './kubectl/listing.ts';
import { findResourceType, resourceTypes } from './kubectl/resources.ts';
import type { ShellSession } from './session.ts';

export interface Completion {
  /** The replaced span of the line: [from, to) (the word under the cursor). */
  from: number;
  to: number;
  /** Whole words to put there, sorted. */
  candidates: string[];
}

const LAPTOP_COMMANDS = [
  'kubectl',
  'kubeplay',
  'curl',
  'wget',
  'nslookup',
  'dig',
  'ping',
  'cat',
  'echo',
  'env',
  'printenv',
  'hostname',
  'ls',
  'touch',
  'rm',
  'grep',
  'head',
  'tail',
  'wc',
  'sort',
  'tee',
  'sudo',
  'clear',
  'exit',
  'pwd',
  'whoami',
];
const POD_ONLY_EXCLUDED = new Set(['kubectl', 'kubeplay', 'sudo']);
const OUTPUT_FORMATS = ['json', 'yaml', 'wide', 'name', 'jsonpath=', 'custom-columns='];
/** Read on first completion: the kind registry behind resourceTypes() is built on first use. */
function resourceWords(): string[] {
  return [...resourceTypes().flatMap((t) => [t.plural, ...t.shortNames]), 'all'];
}

function matching(words: Iterable<string>, prefix: string): string[] {
  return [...new Set(words)].filter((w) => w.startsWith(prefix)).sort();
}

function namesOf(sim: Simulation, typeWord: string, namespace: string): string[] {
  const type = findResourceType(typeWord);
  if (!type) return [];
  return listObjects(sim.state, type.kind)
    .filter((o) => !type.namespaced || o.namespace === namespace)
    .map((o) => o.name);
}

function flagValue(words: string[], names: string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    for (const n of names) {
      if (w === n) return words[i + 1];
      if (w.startsWith(`${n}=`)) return w.slice(n.length + 1);
    }
  }
  return undefined;
}

/** Candidates for the word the cursor is in (or right after). Never throws. */
export function completeCommand(
  sim: Simulation,
  session: ShellSession,
  line: string,
  cursor: number = line.length,
): Completion {
  const before = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const segment = before.slice(
    Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('&')) + 1,
  );
  const wordStart = before.length - (/\S*$/.exec(before)?.[0].length ?? 0);
  const current = before.slice(wordStart);
  const words =
    segment.trim() === ''
      ? []
      : segment
          .trimStart()
          .split(/\s+/)
          .filter((w) => w !== '');
  if (current !== '') words.pop();
  while (words[0] === 'sudo') words.shift();
  const result = (candidates: string[]): Completion => ({ from: wordStart, to: cursor, candidates });
  const inPod = session.location.kind === 'pod';
  const namespace = flagValue(words, ['-n', '--namespace']) ?? session.namespace;

  if (words.length === 0) {
    return result(
      matching(
        LAPTOP_COMMANDS.filter((c) => !(inPod && POD_ONLY_EXCLUDED.has(c))),
        current,
      ),
    );
  }
  const command = words[0];
  const previous = words[words.length - 1] ?? '';
  if (command === 'kubectl') {
    if (previous === '-n' || previous === '--namespace')
      return result(
        matching(
          sim.state.namespaces.map((n) => n.name),
          current,
        ),
      );
    if (previous === '-o' || previous === '--output') return result(matching(OUTPUT_FORMATS, current));
    if (previous === '-f' || previous === '--filename')
      return result(matching(Object.keys(session.files), current));
    const positional: string[] = [];
    let afterDashes = false;
    for (let i = 1; i < words.length; i++) {
      const w = words[i] ?? '';
      if (w === '--') {
        afterDashes = true;
        break;
      }
      if (w.startsWith('-')) {
        if (
          [
            '-n',
            '--namespace',
            '-o',
            '--output',
            '-l',
            '--selector',
            '-c',
            '--container',
            '-f',
            '--filename',
          ].includes(w)
        )
          i++;
        continue;
      }
      positional.push(w);
    }
    const verb = positional[0];
    if (afterDashes)
      return result(
        matching(
          LAPTOP_COMMANDS.filter((c) => !POD_ONLY_EXCLUDED.has(c)),
          current,
        ),
      );
    if (verb === undefined) return result(matching(Object.keys(KUBECTL_COMMANDS), current));
    if (current.startsWith('-')) {
      const specs = [...(KUBECTL_COMMANDS[verb] ?? []), ...GLOBAL_FLAGS];
      return result(
        matching(
          specs.flatMap((s) => [`--${s.name}`, ...(s.short ? [`-${s.short}`] : [])]),
          current,
        ),
      );
    }
    if (verb === 'explain') return result(positional.length === 1 ? explainCompletions(current) : []);
    if (verb === 'exec' || verb === 'logs') {
      if (positional.length === 1) return result(matching(namesOf(sim, 'pods', namespace), current));
      return result([]);
    }
    if (['get', 'describe', 'delete', 'label', 'annotate', 'scale', 'expose'].includes(verb)) {
      if (positional.length === 1) {
        const slash = current.indexOf('/');
        if (slash >= 0) {
          const typeWord = current.slice(0, slash);
          return result(
            matching(
              namesOf(sim, typeWord, namespace).map((n) => `${typeWord}/${n}`),
              current,
            ),
          );
        }
        const comma = current.lastIndexOf(',');
        const head = current.slice(0, comma + 1);
        return result(
          matching(
            resourceWords()
              .filter((w) => verb === 'get' || w !== 'all')
              .map((w) => head + w),
            current,
          ),
        );
      }
      const typeWord = (positional[1] ?? '').split(',')[0] ?? '';
      return result(matching(namesOf(sim, typeWord, namespace), current));
    }
    return result([]);
  }
  if (command === 'kubeplay') {
    const args = words.slice(1);
    if (args.length === 0) return result(matching(['node', 'pod', 'client', 'wait', 'help'], current));
    if (args.length === 1) {
      if (args[0] === 'node') return result(matching(['down', 'up'], current));
      if (args[0] === 'pod') return result(matching(['unready', 'ready'], current));
      if (args[0] === 'client') return result(matching(['add'], current));
      return result([]);
    }
    if (args.length === 2 && args[0] === 'node')
      return result(
        matching(
          sim.state.nodes.map((n) => n.name),
          current,
        ),
      );
    if (args.length === 2 && args[0] === 'pod')
      return result(matching(namesOf(sim, 'pods', namespace), current));
    return result([]);
  }
  const services = sim.state.services
    .filter((s) => s.manifest.metadata.namespace === namespace)
    .map((s) => s.manifest.metadata.name);
  if (command === 'curl' || command === 'wget') {
    if (current.startsWith('-'))
      return result(
        matching(
          ['-s', '-v', '-I', '-i', '-H', '-X', '-k', '--max-time', '--resolve', '-o', '-w', '-qO-'],
          current,
        ),
      );
    return result(
      matching(
        services.map((s) => `http://${s}`),
        current,
      ),
    );
  }
  if (command === 'nslookup' || command === 'ping' || command === 'dig')
    return result(matching(services, current));
  if (command === 'cat' || command === 'rm' || command === 'touch') {
    const files = inPod
      ? ['/etc/hosts', '/etc/resolv.conf', '/var/ready']
      : ['/etc/hosts', '/etc/resolv.conf', ...Object.keys(session.files)];
    return result(matching(files, current));
  }
  return result([]);
}
