/**
 * The large cluster the legibility spec and the UI bench draw: a kind cluster with `workers` workers and
 * one `replicas`-pod Deployment behind a NodePort Service, and the `#lz.` link that opens it.
 */
import LZString from 'lz-string';
import { kindClusterYaml } from '../src/engine/test/kindCluster.ts';
import { webAppYaml } from '../src/engine/test/webApp.ts';

export function largeClusterYaml(workers: number, replicas: number): string {
  return `${kindClusterYaml(workers)}---\n${webAppYaml(replicas)}`;
}

export function largeClusterLink(workers: number, replicas: number): string {
  return `#lz.${LZString.compressToEncodedURIComponent(JSON.stringify({ yaml: largeClusterYaml(workers, replicas) }))}`;
}
