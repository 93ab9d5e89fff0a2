import type { Container } from '../model/objects.ts';
import type { ExposeSource } from './kindModule.ts';

/**
 * The ports `kubectl expose` copies from a pod template or pod: every container's declared ports, in order,
 * with their names; the first becomes the Service's port. kubectl reads them the same way:
 * https://github.com/kubernetes/kubectl/blob/master/pkg/polymorphichelpers/portsforobject.go
 */
export function exposedContainerPorts(containers: readonly Container[]): ExposeSource['containerPorts'] {
  return containers.flatMap((c) =>
    c.ports.map((p) => ({
      port: p.containerPort,
      protocol: p.protocol,
      ...(p.name ? { name: p.name } : {}),
    })),
  );
}
