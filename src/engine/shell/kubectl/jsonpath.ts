/**
 * The part of kubectl's `-o jsonpath=` that tutorials use: `{.spec.clusterIP}`,
 * `{.items[*].status.podIP}`, `{.spec.ports[0].nodePort}`, literal text between expressions.
 * Several results of one expression are joined by a space, as kubectl does.
 */
export type JsonPathResult = { ok: true; text: string } | { ok: false; error: string };

export function evaluateJsonPath(template: string, data: unknown): JsonPathResult {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      out += template.slice(i);
      break;
    }
    out += template.slice(i, open);
    const close = template.indexOf('}', open);
    if (close < 0)
      return { ok: false, error: 'error: error parsing jsonpath ' + template + ', unclosed action' };
    const expr = template.slice(open + 1, close).trim();
    const values = select(expr, data);
    if (values === undefined)
      return { ok: false, error: `error: error executing jsonpath "${template}": ${expr} is not found` };
    out += values.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(' ');
    i = close + 1;
  }
  return { ok: true, text: out };
}

function select(expr: string, data: unknown): unknown[] | undefined {
  if (expr === '' || expr === '.' || expr === '@') return [data];
  const steps = expr.replace(/^\$/, '').match(/\.[^.[\]]+|\[[^\]]*\]/g) ?? [];
  let current: unknown[] = [data];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if (step.startsWith('.')) {
        const key = step.slice(1);
        if (value && typeof value === 'object' && !Array.isArray(value) && key in value)
          next.push((value as Record<string, unknown>)[key]);
      } else {
        const inner = step.slice(1, -1);
        if (!Array.isArray(value)) continue;
        if (inner === '*') next.push(...value);
        else {
          const n = Number(inner);
          const item = value[n < 0 ? value.length + n : n];
          if (item !== undefined) next.push(item);
        }
      }
    }
    current = next;
  }
  return current.length === 0 && steps.length > 0 && !expr.includes('[*]') ? undefined : current;
}
