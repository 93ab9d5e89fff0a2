/**
 * A switch for the cached request plans, for tests that compare the fast path with the general one.
 * Use it from a test file with
 *   vi.mock('<path to>/routePlan.ts', async (original) =>
 *     (await import('<path to>/testing/plansSwitch.ts')).withPlansSwitch(await original()));
 * (vi.mock is hoisted above the imports, hence the import inside) and route inside `withoutPlans`:
 * routeByPlan then declines (as it does for a request it cannot plan), so routing takes the general
 * path. This module imports types only, so the mock's factory can load it. The switch lives in test code, so the product carries no
 * test-only entry point.
 */
import type * as RoutePlanModule from '../routePlan.ts';

export const plans = { off: false, used: 0 };

export function withPlansSwitch(actual: typeof RoutePlanModule): typeof RoutePlanModule {
  return {
    ...actual,
    routeByPlan: <R extends RoutePlanModule.PlanRequest>(
      ...args: Parameters<typeof actual.routeByPlan<R>>
    ) => {
      if (plans.off) return undefined;
      const routed = actual.routeByPlan<R>(...args);
      if (routed) plans.used += 1;
      return routed;
    },
  };
}

export function withoutPlans<T>(route: () => T): T {
  plans.off = true;
  try {
    return route();
  } finally {
    plans.off = false;
  }
}
