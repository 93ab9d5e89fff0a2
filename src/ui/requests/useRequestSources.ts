/** Who can send a request: the outside clients, then every pod (by graph id and a readable label). */
import { useMemo } from 'react';
import { useSimulation } from '../../store/react.ts';

export interface RequestSource {
  id: string;
  label: string;
  group: 'Outside the cluster' | 'Pods';
}

export function useRequestSources(): RequestSource[] {
  const state = useSimulation((s) => s.sim?.state);
  return useMemo(() => {
    if (!state) return [{ id: 'client/laptop', label: 'laptop', group: 'Outside the cluster' as const }];
    const clients = state.clients.length ? state.clients : [{ name: 'laptop', ip: '' }];
    return [
      ...clients.map((c) => ({
        id: `client/${c.name}`,
        label: c.ip ? `${c.name} (${c.ip})` : c.name,
        group: 'Outside the cluster' as const,
      })),
      ...state.pods.map((p) => ({
        id: `pod/${p.metadata.namespace}/${p.metadata.name}`,
        label: `${p.metadata.namespace === 'default' ? '' : `${p.metadata.namespace}/`}${p.metadata.name}`,
        group: 'Pods' as const,
      })),
    ];
  }, [state]);
}
