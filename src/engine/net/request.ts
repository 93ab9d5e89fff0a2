import type { ClusterState } from '../model/state.ts';
import type { GraphId, Trace } from '../trace.ts';

export interface RequestSpec {
  /** `client/<name>` (created on the fly if unknown), `pod/<ns>/<name>`, or `node/<name>`. */
  from: GraphId;
  /** `http://kubia`, `http://10.96.12.7:80/path`, `kubia.example.com/foo`, `https://…` */
  url: string;
  method?: string;
  /** Extra headers; a `Host` header overrides the URL's host for Ingress matching, as curl -H does. */
  headers?: Record<string, string>;
  /** Override the client's source IP (outside clients only). */
  clientIp?: string;
  /** curl --resolve HOST:PORT:ADDR */
  resolve?: { host: string; port: number; address: string }[];
}

export interface RouteResult {
  trace: Trace;
  /** The state after the request: rng advanced, affinity and IPVS cursors updated. */
  state: ClusterState;
}

/** Routes one HTTP request as a new connection. Never throws: every failure is a Trace outcome. */
export function routeRequest(state: ClusterState, request: RequestSpec): RouteResult {
  void state;
  void request;
  throw new Error('routeRequest: not implemented yet');
}
