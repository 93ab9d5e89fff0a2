/**
 * What one ingress controller serves, built once per state: the Ingresses of its class
 * (controllerServes in model/ingressControllers.ts, docs/kubernetes-facts.md#ingress-class) turned into servers the way
 * ingress-nginx renders nginx.conf: one server per host with the paths of ALL Ingresses naming that
 * host merged (docs/kubernetes-facts.md#ingress-nginx), wildcard servers, and the catch-all server of host-less rules.
 */
import type { IngressBackend, IngressManifest, PathType } from '../../model/objects.ts';
import type { ClusterState } from '../../model/state.ts';
import type { IngressControllerInfo } from '../../model/ingressControllers.ts';
import { controllerServes } from '../../model/ingressControllers.ts';
import { ingressClassOf } from '../../cluster/runningIngressControllers.ts';

export interface IngressPathEntry {
  ingress: IngressManifest;
  host: string | undefined;
  path: string;
  pathType: PathType;
  backend: IngressBackend;
}

export interface IngressServer {
  paths: IngressPathEntry[];
  /** ingress-nginx: any Ingress of the host with use-regex or rewrite-target turns every path into a regex. */
  regex: boolean;
  /** The Ingresses that contributed, oldest first (their spec.defaultBackend serves unmatched paths). */
  ingresses: IngressManifest[];
}

export interface IngressTable {
  exact: Map<string, IngressServer>;
  wildcard: Map<string, IngressServer>;
  catchAll: IngressServer;
  /** The oldest served Ingress whose spec.defaultBackend answers what no rule matches (for ingress-nginx: one without rules). */
  defaultBackend?: { ingress: IngressManifest; backend: IngressBackend };
  served: IngressManifest[];
}

function usesRegex(ingress: IngressManifest): boolean {
  const a = ingress.metadata.annotations;
  return (
    a['nginx.ingress.kubernetes.io/use-regex'] === 'true' ||
    a['nginx.ingress.kubernetes.io/rewrite-target'] !== undefined
  );
}

function emptyServer(): IngressServer {
  return { paths: [], regex: false, ingresses: [] };
}

export function buildIngressTable(state: ClusterState, info: IngressControllerInfo): IngressTable {
  const served = [...state.ingresses]
    .filter((i) => controllerServes(info, ingressClassOf(i.manifest, state)))
    .sort((a, b) => a.createdAt - b.createdAt)
    .map((i) => i.manifest);
  const table: IngressTable = { exact: new Map(), wildcard: new Map(), catchAll: emptyServer(), served };
  for (const ingress of served) {
    // ingress-nginx lets only an Ingress with a defaultBackend and NO rules configure the catch-all
    // server (controller.go createServers: `defLoc.IsDefBackend && len(ing.Spec.Rules) == 0`); one with
    // rules uses its defaultBackend for its own hosts only. Traefik turns any spec.defaultBackend into
    // its lowest-priority `PathPrefix(/)` router.
    const catchAllCandidate = info.kind !== 'ingress-nginx' || ingress.spec.rules.length === 0;
    if (ingress.spec.defaultBackend && !table.defaultBackend && catchAllCandidate) {
      table.defaultBackend = { ingress, backend: ingress.spec.defaultBackend };
    }
    for (const rule of ingress.spec.rules) {
      const host = rule.host?.toLowerCase();
      const map = host === undefined ? undefined : host.startsWith('*.') ? table.wildcard : table.exact;
      let server = host === undefined ? table.catchAll : map?.get(host);
      if (!server) {
        server = emptyServer();
        map?.set(host ?? '', server);
      }
      if (!server.ingresses.includes(ingress)) server.ingresses.push(ingress);
      if (info.kind === 'ingress-nginx' && usesRegex(ingress)) server.regex = true;
      for (const p of rule.paths) {
        server.paths.push({ ingress, host, path: p.path || '/', pathType: p.pathType, backend: p.backend });
      }
    }
  }
  return table;
}
