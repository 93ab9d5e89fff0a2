/**
 * `kubectl delete`'s grace-period flags, read as kubectl 1.33 reads them (DeleteOptions.Complete and
 * Validate in https://github.com/kubernetes/kubectl/blob/master/pkg/cmd/delete/delete.go, flags in
 * delete_flags.go):
 * - `--grace-period=N` (int, default -1: the object's own, a pod's terminationGracePeriodSeconds);
 * - `--now` is `--grace-period=1` ("--now and --grace-period cannot be specified together");
 * - `--grace-period=0` without `--force` becomes 1 ("to preserve backwards compatibility, but prevent
 *   accidental data loss");
 * - `--force` with no grace period is `--grace-period=0`; with one above 0 it is an error;
 * - a grace period of 0 with `--force` warns that deletion is immediate, and each object is printed
 *   `force deleted` (PrintObj).
 */
import type { ParsedFlags } from './flags.ts';
import { flagBool, flagString } from './flags.ts';
import { parseIntFlag } from './intFlag.ts';

export interface DeleteGrace {
  /** Seconds for DeleteOptions.gracePeriodSeconds; -1: not sent (each object's own period). */
  gracePeriod: number;
  /** kubectl's warning line for an immediate deletion, printed before anything is deleted. */
  warning?: string;
}

export const IMMEDIATE_DELETION_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n';

export function readDeleteGrace(
  parsed: ParsedFlags,
): { ok: true; grace: DeleteGrace } | { ok: false; error: string } {
  const text = flagString(parsed, 'grace-period');
  let gracePeriod = -1;
  if (text !== undefined) {
    const read = parseIntFlag({ name: 'grace-period' }, text, 64);
    if (!read.ok) return { ok: false, error: read.error };
    gracePeriod = read.value;
  }
  const force = flagBool(parsed, 'force');
  if (flagBool(parsed, 'now')) {
    if (gracePeriod !== -1)
      return { ok: false, error: '--now and --grace-period cannot be specified together' };
    gracePeriod = 1;
  }
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;
  if (force && gracePeriod > 0)
    return { ok: false, error: '--force and --grace-period greater than 0 cannot be specified together' };
  return {
    ok: true,
    grace: gracePeriod === 0 ? { gracePeriod, warning: IMMEDIATE_DELETION_WARNING } : { gracePeriod },
  };
}

/** What kubectl prints after each deleted object: `deleted`, or `force deleted` with a grace period of 0. */
export function deletedWord(grace: DeleteGrace): string {
  return grace.gracePeriod === 0 ? 'force deleted' : 'deleted';
}
