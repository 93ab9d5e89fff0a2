/** The EndpointSlice kind (discovery.k8s.io/v1): today a read-only view kubectl lists, derived from each Service's Endpoints. */
import type { KindModule } from './kindModule.ts';
import { metadataOf, sortKeys, uidOf } from '../shell/kubectl/apiObjects.ts';
import type { JsonObject } from '../shell/kubectl/apiObjects.ts';
import { L1, L2, L3, events, multiline } from '../shell/kubectl/describe.ts';
import { stableHash } from '../shell/kubectl/listing.ts';
import { listWithMore, uniquePorts } from '../shell/kubectl/printers.ts';
import { sliceEndpoints, sliceSubsets } from '../shell/kubectl/endpointSliceView.ts';
import type { SliceEndpoint } from '../shell/kubectl/endpointSliceView.ts';

export const endpointSliceKind: KindModule<'EndpointSlice'> = {
  kind: 'EndpointSlice',
  scope: 'Namespaced',
  resource: {
    plural: 'endpointslices',
    singular: 'endpointslice',
    shortNames: [],
    group: 'discovery.k8s.io',
    version: 'v1',
  },
  list(state) {
    const kind = 'EndpointSlice' as const;
    // the EndpointSlice controller (or the mirroring controller, for hand-written Endpoints) keeps one
    // slice per Service here: `<service>-<5 random chars>`, labelled with the service name
    return state.endpoints.map((endpoints) => ({
      kind,
      endpoints,
      service: endpoints.metadata.name,
      namespace: endpoints.metadata.namespace,
      name: `${endpoints.metadata.name}-${stableHash(`${endpoints.metadata.namespace}/${endpoints.metadata.name}`).slice(0, 5)}`,
      labels: {
        'endpointslice.kubernetes.io/managed-by': endpoints.managed
          ? 'endpointslice-controller.k8s.io'
          : 'endpointslicemirroring-controller.k8s.io',
        'kubernetes.io/service-name': endpoints.metadata.name,
      },
      annotations: {},
      createdAt: endpoints.createdAt,
    }));
  },
  headers() {
    return ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'];
  },
  row(obj, _state, _wide, age) {
    const ports = uniquePorts(sliceSubsets(obj.endpoints)).map((p) => String(p.port));
    const ips = sliceEndpoints(obj.endpoints).map((e) => e.address.ip);
    return [obj.name, 'IPv4', listWithMore(ports), listWithMore(ips), age];
  },
  describe(obj, state) {
    const lines: string[] = [`Name:\t${obj.name}`, `Namespace:\t${obj.namespace}`];
    multiline(lines, 'Labels', obj.labels);
    multiline(lines, 'Annotations', obj.annotations);
    lines.push('AddressType:\tIPv4', 'Ports:', `${L1}Name\tPort\tProtocol`, `${L1}----\t----\t--------`);
    for (const p of uniquePorts(sliceSubsets(obj.endpoints)))
      lines.push(`${L1}${p.name || '<unset>'}\t${p.port}\t${p.protocol}`);
    lines.push('Endpoints:');
    for (const { address: a, conditions } of sliceEndpoints(obj.endpoints)) {
      lines.push(
        `${L1}- Addresses:\t${a.ip}`,
        `${L2}Conditions:`,
        `${L3}Ready:\t${conditions.ready ? 'true' : 'false'}`,
      );
      lines.push(`${L2}Hostname:\t${a.hostname ?? '<unset>'}`);
      if (a.targetRef) lines.push(`${L2}TargetRef:\tPod/${a.targetRef.name}`);
      lines.push(`${L2}NodeName:\t${a.nodeName ?? '<unset>'}`, `${L2}Zone:\t<unset>`);
    }
    events(lines, state, 'EndpointSlice', obj.namespace, obj.name);
    return lines;
  },
  toApiObject(obj, _state, { head, key }) {
    const e = obj.endpoints;
    const endpoint = ({ address: a, conditions }: SliceEndpoint): JsonObject => ({
      addresses: [a.ip],
      conditions: { ...conditions },
      ...(a.nodeName ? { nodeName: a.nodeName } : {}),
      ...(a.hostname ? { hostname: a.hostname } : {}),
      ...(a.targetRef
        ? { targetRef: { kind: 'Pod', name: a.targetRef.name, namespace: a.targetRef.namespace } }
        : {}),
    });
    return sortKeys({
      ...head,
      metadata: metadataOf(obj, uidOf(key), {
        generateName: `${obj.service}-`,
        generation: 1,
        ownerReferences: [
          {
            apiVersion: 'v1',
            blockOwnerDeletion: true,
            controller: true,
            kind: e.managed ? 'Service' : 'Endpoints',
            name: obj.service,
            uid: uidOf(`${e.managed ? 'Service' : 'Endpoints'}/${obj.namespace}/${obj.service}`),
          },
        ],
      }),
      addressType: 'IPv4',
      endpoints: sliceEndpoints(e).map(endpoint),
      ports: uniquePorts(sliceSubsets(e)).map((p) => ({
        ...(p.name ? { name: p.name } : { name: '' }),
        port: p.port,
        protocol: p.protocol,
      })),
    }) as JsonObject;
  },
};
