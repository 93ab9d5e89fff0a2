/**
 * `-l` label selectors as apimachinery's labels.Parse reads them: `a=b`, `a==b`, `a!=b`, `a`, `!a`,
 * `a in (x,y)`, `a notin (x,y)`, joined by commas (AND).
 */
type Requirement =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

export type ParsedSelector = { ok: true; requirements: Requirement[] } | { ok: false; error: string };

export function parseLabelSelector(text: string): ParsedSelector {
  const requirements: Requirement[] = [];
  // split on commas that are not inside parentheses
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    let m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part);
    if (m) {
      requirements.push({
        op: m[2] === 'in' ? 'in' : 'notin',
        key: m[1] ?? '',
        values: (m[3] ?? '').split(',').map((v) => v.trim()),
      });
      continue;
    }
    m = /^([\w./-]+)\s*(==|!=|=)\s*([\w.-]*)$/.exec(part);
    if (m) {
      requirements.push({ op: m[2] === '!=' ? 'neq' : 'eq', key: m[1] ?? '', value: m[3] ?? '' });
      continue;
    }
    m = /^(!?)\s*([\w./-]+)$/.exec(part);
    if (m) {
      requirements.push({ op: m[1] ? 'notexists' : 'exists', key: m[2] ?? '' });
      continue;
    }
    return { ok: false, error: `error: unable to parse requirement: found '${part}', expected: identifier` };
  }
  return { ok: true, requirements };
}

export function matchesSelector(requirements: Requirement[], labels: Record<string, string>): boolean {
  return requirements.every((r) => {
    const value = labels[r.key];
    switch (r.op) {
      case 'eq':
        return value === r.value;
      case 'neq':
        return value !== r.value;
      case 'in':
        return value !== undefined && r.values.includes(value);
      case 'notin':
        return value === undefined || !r.values.includes(value);
      case 'exists':
        return value !== undefined;
      case 'notexists':
        return value === undefined;
    }
  });
}

/** `app=kubia,tier=web` as kubectl prints a map selector and a LABELS column (keys sorted). */
export function formatLabels(labels: Record<string, string> | undefined, empty = '<none>'): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return empty;
  return keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
}
