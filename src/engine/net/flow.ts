/**
 * One request in flight: the HTTP request as sent plus the packet's current addresses, which NAT
 * rewrites as it goes. Scratch data for one routeRequest call; never stored in the state.
 */
import type { Outcome, TraceEndpoint } from '../trace.ts';
import type { AppRequest } from './apps.ts';
import type { Source } from './source.ts';

export interface Flow {
  source: Source;
  method: string;
  scheme: 'http' | 'https';
  path: string;
  /** The Host header without a port: what Ingress rules match. */
  host: string;
  /** The Host header as sent (with `:port` when the URL named one). */
  hostHeader: string;
  /** Extra headers the client sent (curl -H), Host excluded. */
  headers: [string, string][];
  /** The client's own address and port: where the reply must go back to. */
  clientIp: string;
  clientPort: number;
  /** The packet as it is now. */
  srcIp: string;
  srcPort: number;
  dstIp: string;
  dstPort: number;
  /** The node the packet is on now; undefined while outside the cluster. */
  node: string | undefined;
  /** Memo of the `ip:port` texts (see srcAddr/dstAddr): hops print them several times per request. */
  srcText?: string;
  srcTextIp?: string;
  srcTextPort?: number;
  dstText?: string;
  dstTextIp?: string;
  dstTextPort?: number;
}

/** `srcIp:srcPort`, built once while the source stays the same. */
export function srcAddr(flow: Flow): string {
  if (flow.srcText === undefined || flow.srcTextIp !== flow.srcIp || flow.srcTextPort !== flow.srcPort) {
    flow.srcText = `${flow.srcIp}:${flow.srcPort}`;
    flow.srcTextIp = flow.srcIp;
    flow.srcTextPort = flow.srcPort;
  }
  return flow.srcText;
}

/** `dstIp:dstPort`, built once while the destination stays the same. */
export function dstAddr(flow: Flow): string {
  if (flow.dstText === undefined || flow.dstTextIp !== flow.dstIp || flow.dstTextPort !== flow.dstPort) {
    flow.dstText = `${flow.dstIp}:${flow.dstPort}`;
    flow.dstTextIp = flow.dstIp;
    flow.dstTextPort = flow.dstPort;
  }
  return flow.dstText;
}

/** How the request ended, before the reply hop is drawn. */
export interface Delivery {
  outcome: Outcome;
  status?: number;
  body?: string;
  endpoint?: TraceEndpoint;
  service?: string;
  failure?: { code: number; message: string };
}

export const CURL_HEADERS: [string, string][] = [
  ['User-Agent', 'curl/8.5.0'],
  ['Accept', '*/*'],
];

export function toAppRequest(flow: Flow, clock: number, extraHeaders: [string, string][] = []): AppRequest {
  return {
    method: flow.method,
    scheme: flow.scheme,
    path: flow.path,
    host: flow.hostHeader,
    headers:
      flow.headers.length === 0 && extraHeaders.length === 0
        ? CURL_HEADERS
        : [...CURL_HEADERS, ...flow.headers, ...extraHeaders],
    remoteIp: flow.srcIp,
    remotePort: flow.srcPort,
    clock,
  };
}

export function timedOut(): Delivery {
  return { outcome: 'timeout' };
}
export function refused(): Delivery {
  return { outcome: 'refused' };
}
