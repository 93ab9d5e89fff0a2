/**
 * Where NetworkPolicy cards go in the band of cells: each namespace's policies right after that
 * namespace's last Service (a policy acts on the pods behind those Services), the policies of a
 * namespace without Services at the end. One card per cell, so the band's grid stays regular.
 */
import type { PolicySelection } from '../../engine/index.ts';

/** Shorter than a Service card: a name on up to two lines, then the count and the policyTypes. */
export const NETPOL_CARD_HEIGHT = 84;

interface Cell {
  card?: string;
  below?: string;
  /** A card no taller than CARD.shortHeight, which may share its cell (clusterLayout.ts). */
  short?: boolean;
}

/** The namespace of a cell's graph id (`svc/<ns>/<name>`). */
function namespaceOf(cell: Cell): string | undefined {
  return (cell.card ?? cell.below)?.split('/')[1];
}

export function withPolicyCells(serviceCells: Cell[], policies: readonly PolicySelection[]): Cell[] {
  if (policies.length === 0) return serviceCells;
  const pending = new Map<string, Cell[]>();
  for (const p of policies) {
    const list = pending.get(p.namespace) ?? [];
    list.push({ card: p.id, short: true });
    pending.set(p.namespace, list);
  }
  const cells: Cell[] = [];
  serviceCells.forEach((cell, i) => {
    cells.push(cell);
    const ns = namespaceOf(cell);
    if (ns === undefined || namespaceOf(serviceCells[i + 1] ?? {}) === ns) return;
    cells.push(...(pending.get(ns) ?? []));
    pending.delete(ns);
  });
  for (const rest of pending.values()) cells.push(...rest);
  return cells;
}
