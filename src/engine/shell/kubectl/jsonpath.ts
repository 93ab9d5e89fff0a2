/**
 * kubectl's `-o jsonpath=` templates (k8s.io/client-go/util/jsonpath) as tutorials use them:
 * `{.spec.clusterIP}`, `{.items[*].status.podIP}`, `{.spec.ports[0].nodePort}`, `{..namespace}`-free
 * field paths, `{range .items[*]}…{end}`, quoted literals `{"\n"}` and `{'\t'}`, text between.
 * Several results of one expression are joined by a space, as kubectl does.
 */
export type JsonPathResult = { ok: true; text: string } | { ok: false; error: string };

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'expr'; expr: string }
  | { kind: 'range'; expr: string; body: Node[] };

function parseTemplate(template: string): Node[] | string {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  const top = (): Node[] => stack[stack.length - 1] ?? root;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) {
      top().push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) top().push({ kind: 'text', text: template.slice(i, open) });
    const close = template.indexOf('}', open);
    if (close < 0) return 'unclosed action';
    const inner = template.slice(open + 1, close).trim();
    i = close + 1;
    const literal = /^(["'])(.*)\1$/s.exec(inner);
    if (literal) {
      top().push({ kind: 'text', text: (literal[2] ?? '').replace(/\\n/g, '\n').replace(/\\t/g, '\t') });
    } else if (/^range(\s|(?=[.@$]))/.test(inner)) {
      const body: Node[] = [];
      top().push({ kind: 'range', expr: inner.slice(5).trim(), body });
      stack.push(body);
    } else if (inner === 'end') {
      if (stack.length === 1) return 'not in range, nothing to end';
      stack.pop();
    } else top().push({ kind: 'expr', expr: inner });
  }
  return root;
}

export function evaluateJsonPath(template: string, data: unknown): JsonPathResult {
  const nodes = parseTemplate(template);
  if (typeof nodes === 'string')
    return { ok: false, error: `error: error parsing jsonpath ${template}, ${nodes}` };
  const render = (list: Node[], current: unknown): string | { error: string } => {
    let out = '';
    for (const node of list) {
      if (node.kind === 'text') {
        out += node.text;
        continue;
      }
      const values = select(node.expr, current);
      if (values === undefined)
        return { error: `error: error executing jsonpath "${template}": ${node.expr} is not found` };
      if (node.kind === 'expr') {
        out += values
          .map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)))
          .join(' ');
        continue;
      }
      for (const item of values) {
        const r = render(node.body, item);
        if (typeof r !== 'string') return r;
        out += r;
      }
    }
    return out;
  };
  const text = render(nodes, data);
  return typeof text === 'string' ? { ok: true, text } : { ok: false, error: text.error };
}

/** A field path (`.a.b[0]`, `.items[*].x`) from a value; undefined when a plain path finds nothing. */
export function select(expr: string, data: unknown): unknown[] | undefined {
  if (expr === '' || expr === '.' || expr === '@' || expr === '$') return [data];
  const steps = expr.replace(/^[$@]/, '').match(/\.[^.[\]]+|\[[^\]]*\]/g) ?? [];
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
