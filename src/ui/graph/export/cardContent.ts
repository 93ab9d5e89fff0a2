/**
 * What each card shows, as the node components in ../nodes/*.tsx render it and app.css styles it:
 * the frame (fill, border, corners), the title row (kind label, name, badges) and the text lines.
 * Pure data, so the SVG writer stays generic. Keep in step with those components.
 */
import { policySelectsText } from '../networkPolicyLabel.ts';
import type { GraphNodeData } from '../graphData.ts';
import type { GraphTheme } from './graphTheme.ts';
import type { FontSpec, Run } from './svgText.ts';

export type Tone = Run['tone'];

export interface Frame {
  fill: keyof GraphTheme;
  stroke: keyof GraphTheme;
  dash: 'solid' | 'dashed' | 'dotted';
  radius: number;
  /** A translucent wash over the fill (down node, stale cluster), as the page's stripes hint. */
  wash?: { color: string; opacity: number };
  opacity?: number;
}

export type TitleItem =
  | { kind: 'text'; text: string; font: FontSpec; tone: Tone; role: 'kind' | 'name' | 'note' }
  /** `keep`: the name shrinks to leave room for it; otherwise it shows only when the name leaves room. */
  | { kind: 'badge'; text: string; tone: Tone; bg: 'surface2' | 'warnBg'; keep: boolean }
  | { kind: 'dot'; tone: Tone };

export interface TextLine {
  runs: Run[];
  lineHeight: number;
}

export interface CardContent {
  frame: Frame;
  /** Content box: border + padding on each side (CSS box model). */
  inset: { x: number; y: number };
  /** Cards centre the title row's items (flex align-items: center); the cluster's share a baseline. */
  title: { items: TitleItem[]; gap: number; lineHeight: number; align: 'center' | 'baseline' };
  lines: TextLine[];
}

/** 1rem on the page. Presenter mode raises the root size, but graph cards keep theirs. */
const REM = 16;
const LINE = 1.4;
const CARD_FONT = 15;

const sans = (size: number, weight = 400): FontSpec => ({ family: 'sans', size, weight });
const mono = (size: number): FontSpec => ({ family: 'mono', size, weight: 400 });
/** `.kp-kind`: small caps-like label, uppercase, letter-spaced. */
const kindLabel = (text: string): TitleItem => ({
  kind: 'text',
  text: text.toUpperCase(),
  font: { family: 'sans', size: 0.72 * REM, weight: 700, letterSpacing: 0.05 * 0.72 * REM },
  tone: 'muted',
  role: 'kind',
});
const nameItem = (text: string, size = CARD_FONT): TitleItem => ({
  kind: 'text',
  text,
  font: sans(size, 600),
  tone: 'text',
  role: 'name',
});
const badge = (
  text: string,
  tone: Tone = 'text',
  bg: 'surface2' | 'warnBg' = 'surface2',
  keep = tone !== 'text' && tone !== 'ok',
): TitleItem => ({
  kind: 'badge',
  text,
  tone,
  bg,
  keep,
});
const run = (text: string, font: FontSpec, tone: Tone = 'text'): Run => ({ text, font, tone });
const line = (size: number, ...runs: Run[]): TextLine => ({ runs, lineHeight: size * LINE });

// `.kp-card`/`.kp-pod`: 15px text, 2px border, 8px 10px padding; `.kp-mono` 0.9em, `.kp-small` 0.85rem.
const CARD_MONO = mono(CARD_FONT * 0.9);
const SMALL = 0.85 * REM;
const CARD_INSET = { x: 12, y: 10 };
const cardTitle = (items: TitleItem[]) => ({
  items,
  gap: 6,
  lineHeight: CARD_FONT * LINE,
  align: 'center' as const,
});
const card = (frame: Partial<Frame>): Frame => ({
  fill: 'surface',
  stroke: 'border',
  dash: 'solid',
  radius: 10,
  ...frame,
});

export function getCardContent(data: GraphNodeData): CardContent {
  switch (data.kind) {
    case 'cluster': {
      const size = 1.05 * REM;
      return {
        frame: {
          fill: 'clusterBg',
          stroke: data.stale ? 'warn' : 'accent',
          dash: 'dashed',
          radius: 18,
          ...(data.stale ? { wash: { color: '#f59e0b', opacity: 0.07 } } : {}),
        },
        inset: { x: 18, y: 12 },
        title: {
          gap: 12,
          lineHeight: size * LINE,
          align: 'baseline',
          items: [
            kindLabel('cluster'),
            nameItem(data.name, size),
            {
              kind: 'text',
              text: `pods ${data.podSubnet} · services ${data.serviceSubnet} · kube-proxy ${data.proxyMode}`,
              font: sans(0.9 * REM),
              tone: 'muted',
              role: 'note',
            },
            ...(data.stale ? [badge('stale: YAML has errors', 'warn', 'warnBg')] : []),
          ],
        },
        lines: [],
      };
    }
    case 'node':
      return {
        frame: {
          fill: 'nodeBg',
          stroke: data.up ? 'border' : 'bad',
          dash: 'solid',
          radius: 12,
          ...(data.up ? {} : { opacity: 0.65, wash: { color: '#ef4444', opacity: 0.08 } }),
        },
        // graph.css: a tight header (title and two address lines) above the pods (layoutMetrics KUBE_NODE).
        inset: { x: 10, y: 6 },
        title: {
          gap: 6,
          lineHeight: CARD_FONT * 1.2,
          align: 'center',
          items: [
            kindLabel('node'),
            // graph.css: a node's name at 15 px, which fits `kind-control-plane` and its badge in a node as narrow as a pod.
            nameItem(data.name, CARD_FONT),
            badge(data.up ? 'up' : 'down', data.up ? 'ok' : 'bad'),
          ],
        },
        // KubeNode.tsx: the address and the pod range on two lines.
        lines: [
          { runs: [run(data.ip, mono(0.9 * REM))], lineHeight: 0.9 * REM * 1.15 },
          { runs: [run(`pods ${data.podCIDR}`, mono(0.9 * REM))], lineHeight: 0.9 * REM * 1.15 },
        ],
      };
    case 'pod':
      return {
        frame: card({
          fill: 'pod',
          stroke: data.ready ? 'podBorder' : 'warn',
          dash: data.ready ? 'solid' : 'dashed',
        }),
        inset: CARD_INSET,
        title: cardTitle([{ kind: 'dot', tone: data.ready ? 'ok' : 'warn' }, nameItem(data.name)]),
        lines: [
          line(
            CARD_FONT * 0.9,
            run(data.ip || 'no IP', CARD_MONO),
            ...(data.ingressController ? [run(' · ingress', CARD_MONO, 'muted')] : []),
            ...(data.ready ? [] : [run(' · not ready', CARD_MONO, 'muted')]),
          ),
        ],
      };
    case 'service':
      return {
        frame: card({ fill: 'svc', stroke: 'svcBorder' }),
        inset: CARD_INSET,
        title: cardTitle([kindLabel('svc'), nameItem(data.name)]),
        lines: [
          line(
            SMALL,
            run(data.type, sans(SMALL, 700)),
            run(' ', sans(SMALL)),
            run(data.clusterIP || '—', mono(SMALL * 0.9)),
          ),
          line(CARD_FONT * 0.9, run(data.ports, CARD_MONO)),
          ...(data.externalIP ? [line(CARD_FONT * 0.9, run(`external ${data.externalIP}`, CARD_MONO))] : []),
          ...(data.notes ? [line(SMALL, run(data.notes, sans(SMALL), 'muted'))] : []),
        ],
      };
    case 'endpoints':
      return {
        frame: card({ stroke: 'svcBorder', dash: 'dotted' }),
        inset: CARD_INSET,
        title: cardTitle([kindLabel('ep'), nameItem(data.name)]),
        lines: [
          line(
            SMALL,
            run(`${data.ready} ready${data.notReady ? ` · ${data.notReady} not ready` : ''}`, sans(SMALL)),
          ),
        ],
      };
    case 'ingress':
      return {
        frame: card({ fill: 'ing', stroke: 'ingBorder' }),
        inset: CARD_INSET,
        title: cardTitle([
          kindLabel('ing'),
          nameItem(data.name),
          ...(data.className ? [badge(data.className)] : []),
        ]),
        lines: [
          line(CARD_FONT * 0.9, run(data.hosts, CARD_MONO)),
          line(SMALL, run(data.address ? `address ${data.address}` : 'no address yet', sans(SMALL), 'muted')),
        ],
      };
    case 'netpol':
      return {
        frame: card({ stroke: 'warn' }),
        inset: CARD_INSET,
        title: cardTitle([kindLabel('netpol'), nameItem(data.name)]),
        lines: [
          line(SMALL, run(policySelectsText(data.selects), sans(SMALL))),
          line(SMALL, run(data.policyTypes.join(' · '), sans(SMALL), 'muted')),
        ],
      };
    case 'lb':
      return {
        frame: card({ stroke: 'ingBorder' }),
        inset: CARD_INSET,
        title: cardTitle([kindLabel('LB'), nameItem(data.name)]),
        lines: [line(CARD_FONT * 0.9, run(`${data.ip} · ${data.ports}`, CARD_MONO))],
      };
    case 'client':
      return {
        frame: card({}),
        inset: CARD_INSET,
        title: cardTitle([kindLabel('client'), nameItem(data.name)]),
        lines: [line(CARD_FONT * 0.9, run(data.ip || 'outside the cluster', CARD_MONO))],
      };
    case 'outside':
      return {
        frame: card({ dash: 'dashed', stroke: 'ingBorder' }),
        inset: CARD_INSET,
        title: cardTitle([kindLabel('outside'), nameItem(data.name)]),
        lines: [
          line(CARD_FONT * 0.9, run(data.hostnames ? `${data.ip} · ${data.hostnames}` : data.ip, CARD_MONO)),
        ],
      };
    case 'dns':
      return {
        frame: card({ dash: 'dashed' }),
        inset: CARD_INSET,
        title: cardTitle([kindLabel('DNS'), nameItem('cluster DNS')]),
        lines: [
          ...(data.ip ? [line(CARD_FONT * 0.9, run(`kube-dns ${data.ip}:53`, CARD_MONO))] : []),
          line(SMALL, run(`answers *.svc.${data.domain}`, sans(SMALL), 'muted')),
        ],
      };
  }
}
