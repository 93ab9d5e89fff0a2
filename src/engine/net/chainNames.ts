/**
 * iptables chain names exactly as kube-proxy derives them (kubernetes pkg/proxy/iptables/proxier.go,
 * portProtoHash / servicePortChainName / servicePortEndpointChainName): the first 16 characters of
 * base32(sha256(servicePortName + lowercase protocol [+ endpoint])). servicePortName is
 * `ns/name:portName` (`ns/name` for an unnamed port), as proxy.ServicePortName.String() prints it.
 */
import { sha256, toBase32 } from '../sha256.ts';

const cache = new Map<string, string>();

function hashed(input: string): string {
  let hit = cache.get(input);
  if (hit === undefined) {
    hit = toBase32(sha256(input)).slice(0, 16);
    if (cache.size > 50_000) cache.clear();
    cache.set(input, hit);
  }
  return hit;
}

/** `default/kubia:http`, or `default/kubia` for an unnamed port. */
export function servicePortName(namespace: string, service: string, portName: string | undefined): string {
  return portName ? `${namespace}/${service}:${portName}` : `${namespace}/${service}`;
}

export function serviceChainName(svcPortName: string, protocol: string): string {
  return `KUBE-SVC-${hashed(svcPortName + protocol.toLowerCase())}`;
}

export function localServiceChainName(svcPortName: string, protocol: string): string {
  return `KUBE-SVL-${hashed(svcPortName + protocol.toLowerCase())}`;
}

export function externalServiceChainName(svcPortName: string, protocol: string): string {
  return `KUBE-EXT-${hashed(svcPortName + protocol.toLowerCase())}`;
}

/** `endpoint` is `ip:port`. */
export function endpointChainName(svcPortName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${hashed(svcPortName + protocol.toLowerCase() + endpoint)}`;
}

/**
 * nftables mode (kubernetes pkg/proxy/nftables/proxier.go hashAndTruncate): the chain base is
 * base32(sha256(name))[:8] + "-" + name, with name `ns/svc/proto/portName` for a service port and
 * `ns/svc/proto/portName__ip/port` for an endpoint; chains are `service-…` and `endpoint-…`.
 */
function nftBase(name: string): string {
  let hit = cache.get(`nft|${name}`);
  if (hit === undefined) {
    hit = `${toBase32(sha256(name)).slice(0, 8)}-${name}`;
    cache.set(`nft|${name}`, hit);
  }
  return hit;
}

export function nftServiceChainName(
  namespace: string,
  service: string,
  protocol: string,
  portName: string | undefined,
): string {
  return `service-${nftBase(`${namespace}/${service}/${protocol.toLowerCase()}/${portName ?? ''}`)}`;
}

/** `endpoint` is `ip:port`. */
export function nftEndpointChainName(
  namespace: string,
  service: string,
  protocol: string,
  portName: string | undefined,
  endpoint: string,
): string {
  const colon = endpoint.lastIndexOf(':');
  const ipPort = `${endpoint.slice(0, colon)}/${endpoint.slice(colon + 1)}`;
  return `endpoint-${nftBase(`${namespace}/${service}/${protocol.toLowerCase()}/${portName ?? ''}__${ipPort}`)}`;
}
