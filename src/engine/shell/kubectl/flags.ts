/**
 * kubectl's flag parsing (spf13/pflag): `--name=value`, `--name value`, `-n value`, `-nvalue`,
 * bundled booleans `-it`, and `--` ending the flags. Unknown flags give pflag's own messages.
 */
export interface FlagSpec {
  name: string;
  short?: string;
  /** true: takes a value; false: boolean. */
  value: boolean;
  /** Repeatable flags collect every value (`-f a -f b`, `-l`). */
  multi?: boolean;
}

export interface ParsedFlags {
  flags: Record<string, string[]>;
  args: string[];
  /** Everything after `--`. */
  rest: string[];
  sawDoubleDash: boolean;
}

export type FlagResult = { ok: true; parsed: ParsedFlags } | { ok: false; error: string };

export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', value: true },
  { name: 'help', short: 'h', value: false },
  { name: 'context', value: true },
  { name: 'kubeconfig', value: true },
  { name: 'v', short: 'v', value: true },
];

export function parseFlags(argv: string[], specs: FlagSpec[], stopAtFirstArg = false): FlagResult {
  const all = [...specs, ...GLOBAL_FLAGS];
  const flags: Record<string, string[]> = {};
  const args: string[] = [];
  const set = (spec: FlagSpec, value: string): void => {
    flags[spec.name] = [...(flags[spec.name] ?? []), value];
  };
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (word === '--') {
      return { ok: true, parsed: { flags, args, rest: argv.slice(i + 1), sawDoubleDash: true } };
    }
    if (stopAtFirstArg && args.length > 0 && !word.startsWith('-')) {
      return { ok: true, parsed: { flags, args, rest: argv.slice(i), sawDoubleDash: false } };
    }
    if (word.startsWith('--') && word.length > 2) {
      const eq = word.indexOf('=');
      const name = eq >= 0 ? word.slice(2, eq) : word.slice(2);
      const spec = all.find((s) => s.name === name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      if (!spec.value) {
        set(spec, eq >= 0 ? word.slice(eq + 1) : 'true');
        continue;
      }
      if (eq >= 0) set(spec, word.slice(eq + 1));
      else {
        const next = argv[i + 1];
        if (next === undefined) return { ok: false, error: `flag needs an argument: --${name}` };
        set(spec, next);
        i++;
      }
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      // a bundle of shorthands: -it, -n default, -ndefault, -o=wide
      for (let j = 1; j < word.length; j++) {
        const letter = word[j] ?? '';
        const spec = all.find((s) => s.short === letter);
        if (!spec) return { ok: false, error: `unknown shorthand flag: '${letter}' in ${word}` };
        if (!spec.value) {
          set(spec, 'true');
          continue;
        }
        let value = word.slice(j + 1);
        if (value.startsWith('=')) value = value.slice(1);
        if (value === '') {
          const next = argv[i + 1];
          if (next === undefined)
            return { ok: false, error: `flag needs an argument: '${letter}' in -${letter}` };
          value = next;
          i++;
        }
        set(spec, value);
        break;
      }
      continue;
    }
    args.push(word);
  }
  return { ok: true, parsed: { flags, args, rest: [], sawDoubleDash: false } };
}

export function flagString(parsed: ParsedFlags, name: string): string | undefined {
  const values = parsed.flags[name];
  return values ? values[values.length - 1] : undefined;
}

export function flagBool(parsed: ParsedFlags, name: string): boolean {
  const v = flagString(parsed, name);
  return v !== undefined && v !== 'false';
}

export function flagAll(parsed: ParsedFlags, name: string): string[] {
  return parsed.flags[name] ?? [];
}
