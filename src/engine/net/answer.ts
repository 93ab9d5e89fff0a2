/**
 * What a process answered, as the last hops of a trace: a `reject` for a refused connection, a
 * `deliver` with the HTTP status, or the curl error of a TLS or empty reply.
 */
import type { HopFacts } from '../trace.ts';
import type { AppAnswer } from './apps.ts';
import type { Delivery, Flow } from './flow.ts';
import { dstAddr, refused, srcAddr } from './flow.ts';
import type { RouteContext } from './routeContext.ts';

const statusFactsCache = new Map<number, HopFacts>();

/** The deliver hop's facts: the HTTP status (one shared object per status). */
function statusFacts(status: number): HopFacts {
  let facts = statusFactsCache.get(status);
  if (!facts) {
    facts = { status };
    statusFactsCache.set(status, facts);
  }
  return facts;
}

/** Turns what a process answered into hops and an outcome. */
export function finishWithAnswer(
  ctx: RouteContext,
  flow: Flow,
  at: string,
  answer: AppAnswer,
  endpoint: Delivery['endpoint'],
): Delivery {
  return recordAnswer(ctx, at, srcAddr(flow), dstAddr(flow), flow.method, flow.path, answer, endpoint);
}

/** finishWithAnswer for a packet `src` -> `dst` carrying `method path` . */
export function recordAnswer(
  ctx: RouteContext,
  at: string,
  src: string,
  dst: string,
  method: string,
  path: string,
  answer: AppAnswer,
  endpoint: Delivery['endpoint'],
): Delivery {
  switch (answer.kind) {
    case 'refused':
      ctx.hop(at, 'reject', src, dst, `${answer.reason}: connection refused`);
      return endpoint ? { ...refused(), endpoint } : refused();
    case 'tls-error':
      ctx.hop(at, 'deliver', src, dst, answer.reason);
      return {
        outcome: 'http-error',
        failure: {
          code: 35,
          message: 'TLS connect error: error:0A00010B:SSL routines::wrong version number',
        },
        ...(endpoint ? { endpoint } : {}),
      };
    case 'empty':
      ctx.hop(at, 'deliver', src, dst, answer.reason);
      return {
        outcome: 'http-error',
        failure: { code: 52, message: 'Empty reply from server' },
        ...(endpoint ? { endpoint } : {}),
      };
    case 'http': {
      ctx.hop(
        at,
        'deliver',
        src,
        dst,
        `${answer.app} answers ${answer.status} to ${method} ${path} from ${src}`,
        undefined,
        statusFacts(answer.status),
      );
      const delivery: Delivery = {
        outcome: answer.status >= 400 ? 'http-error' : 'ok',
        status: answer.status,
        body: answer.body,
      };
      if (endpoint) delivery.endpoint = endpoint;
      return delivery;
    }
  }
}
