/** The IngressClass kind: which controller serves Ingresses of a class, and which class is the default. */
import type { ControlPlane } from '../cluster/controlPlane.ts';
import type { KindModule } from './kindModule.ts';
import { relabelled } from './relabelled.ts';
import { resource } from '../parse/schema/meta.ts';
import { ingressClassSpec } from '../parse/schema/ingress.ts';
import { removedVersion } from '../parse/servedVersion.ts';
import type { IngressClassManifest } from '../model/objects.ts';
import { buildIngressClass } from '../parse/kinds/ingressClass.ts';
import { validateIngressClass } from '../parse/validate/ingress.ts';
import { isDns1123Subdomain } from '../parse/validate/names.ts';
import { metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import { events, multiline } from '../shell/kubectl/describe.ts';
import { metaBase } from '../shell/kubectl/listing.ts';

export const ingressClassKind: KindModule<'IngressClass'> = {
  kind: 'IngressClass',
  scope: 'Cluster',
  versions: {
    'networking.k8s.io/v1': { schema: resource({ spec: ingressClassSpec }) },
    'networking.k8s.io/v1beta1': {
      schema: resource({ spec: ingressClassSpec }),
      deprecated: removedVersion(
        'networking.k8s.io/v1beta1',
        'IngressClass',
        '1.19',
        '1.22',
        'networking.k8s.io/v1',
      ),
    },
  },
  resource: {
    plural: 'ingressclasses',
    singular: 'ingressclass',
    shortNames: [],
    group: 'networking.k8s.io',
    version: 'v1',
  },
  nameRule: isDns1123Subdomain,
  decode(raw, apiVersion, ctx) {
    const manifest = buildIngressClass(raw, apiVersion);
    validateIngressClass(ctx, manifest);
    return manifest;
  },
  apply(cp, manifest) {
    applyIngressClass(cp, manifest);
    return [];
  },
  remove(cp, _namespace, name) {
    const { state } = cp;
    const before = state.ingressClasses.length;
    state.ingressClasses = state.ingressClasses.filter((c) => c.manifest.metadata.name !== name);
    return state.ingressClasses.length !== before;
  },
  relabel(cp, _namespace, name, field, edit) {
    const { state } = cp;
    const cls = state.ingressClasses.find((c) => c.manifest.metadata.name === name);
    if (!cls) return false;
    cls.manifest = relabelled(cls.manifest, field, edit);
    return true;
  },
  refreshSource(state, m, source) {
    const { name } = m.metadata;
    state.ingressClasses = state.ingressClasses.map((c) =>
      c.manifest.metadata.name === name ? { ...c, manifest: { ...c.manifest, source } } : c,
    );
    return;
  },
  list(state) {
    const kind = 'IngressClass' as const;
    return state.ingressClasses.map((ingressClass) => ({
      kind,
      ingressClass,
      ...metaBase(ingressClass.manifest.metadata, ingressClass.createdAt),
      namespace: '',
    }));
  },
  headers() {
    return ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'];
  },
  row(obj, _state, _wide, age) {
    return [obj.name, obj.ingressClass.manifest.controller, '<none>', age];
  },
  describe(obj, state) {
    const lines: string[] = [`Name:\t${obj.name}`];
    multiline(lines, 'Labels', obj.labels);
    multiline(lines, 'Annotations', obj.annotations);
    lines.push(`Controller:\t${obj.ingressClass.manifest.controller}`);
    events(lines, state, 'IngressClass', '', obj.name);
    return lines;
  },
  toApiObject(obj, _state, { head, key }) {
    return sortKeys({
      ...head,
      metadata: metadataOf(obj, uidOf(key), { generation: 1 }),
      spec: { controller: obj.ingressClass.manifest.controller },
    }) as JsonObject;
  },
};

function applyIngressClass(cp: ControlPlane, manifest: IngressClassManifest): void {
  const { state } = cp;
  const existing = state.ingressClasses.find((c) => c.manifest.metadata.name === manifest.metadata.name);
  if (existing) existing.manifest = manifest;
  else state.ingressClasses.push({ manifest, createdAt: state.clock });
}
