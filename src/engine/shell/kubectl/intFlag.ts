/**
 * Integer flags as kubectl reads them: spf13/pflag's IntVar/Int32Var call strconv.ParseInt(s, 0, 64|32)
 * (https://github.com/spf13/pflag/blob/master/int32.go), so `1e300` and `1.5` are invalid syntax,
 * `99999999999999999999` (and `2147483648` for an int32 flag) are out of range, and `0x10`, `0o17`,
 * `0b101`, `1_000` are valid. The error is pflag's:
 * `invalid argument "1e300" for "--replicas" flag: strconv.ParseInt: parsing "1e300": invalid syntax`.
 */
import type { FlagSpec } from './flags.ts';

export type IntFlagResult = { ok: true; value: number } | { ok: false; error: string };

/** Go's base-0 integer literal: sign, optional 0x/0o/0b/0 prefix, digits with single underscores between. */
const GO_INT =
  /^[+-]?(?:0[xX](?:_?[0-9a-fA-F])+|0[oO](?:_?[0-7])+|0[bB](?:_?[01])+|0(?:_?[0-7])*|[1-9](?:_?[0-9])*)$/;

function toBigInt(text: string): bigint {
  const negative = text.startsWith('-');
  let body = text.replace(/^[+-]/, '').replace(/_/g, '');
  // A leading 0 alone is octal in Go's base 0 (`017` is 15); BigInt wants `0o17`.
  if (/^0[0-7]+$/.test(body)) body = `0o${body.slice(1)}`;
  const magnitude = BigInt(body.replace(/^0O/, '0o').replace(/^0X/, '0x').replace(/^0B/, '0b'));
  return negative ? -magnitude : magnitude;
}

/** pflag's name for a flag in errors: `-r, --replicas` when it has a shorthand, else `--replicas`. */
function flagLabel(spec: Pick<FlagSpec, 'name' | 'short'>): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

export function parseIntFlag(
  spec: Pick<FlagSpec, 'name' | 'short'>,
  text: string,
  bits: 32 | 64,
): IntFlagResult {
  const fail = (reason: string): IntFlagResult => ({
    ok: false,
    error: `invalid argument ${JSON.stringify(text)} for "${flagLabel(spec)}" flag: strconv.ParseInt: parsing ${JSON.stringify(text)}: ${reason}`,
  });
  if (!GO_INT.test(text)) return fail('invalid syntax');
  const value = toBigInt(text);
  const max = (1n << BigInt(bits - 1)) - 1n;
  if (value > max || value < -max - 1n) return fail('value out of range');
  return { ok: true, value: Number(value) };
}
