/**
 * The playground's pod limit as it applies to one workload's `spec.replicas` (src/engine/limits.ts): a
 * workload that alone asks for more pods than the whole cluster may hold is refused while it is
 * validated, before any controller allocates a pod. One check, shared by validateWorkload and the early
 * check of a link's text (parse/earlyLimitCheck.ts), so both say the same thing at the same place.
 */
import { MAX_PODS, podLimitDetail } from '../../limits.ts';
import { invalid } from '../messages.ts';
import type { ObjectContext } from '../objectContext.ts';
import { reportError } from '../objectContext.ts';
import type { PlainMap } from '../plain.ts';

export function checkReplicasLimit(ctx: ObjectContext, spec: PlainMap | undefined): void {
  const replicas = spec?.['replicas'];
  if (typeof replicas === 'number' && replicas > MAX_PODS) {
    reportError(ctx, 'spec.replicas', invalid(replicas, podLimitDetail()), 'limit-pods');
  }
}
