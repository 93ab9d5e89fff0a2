// @vitest-environment jsdom
import { describe, it, expect } from 'vitest';
import { createKubiaFixture } from '../../../store/testing/clusterFixture.ts';
import type { GraphEdge, GraphNode } from '../graphData.ts';
import { KUBE_NODE } from '../layoutMetrics.ts';
import { toFlowElements } from '../toFlowElements.ts';
import { toGraphSnapshot } from './graphSnapshot.ts';
import { graphToSvg } from './graphToSvg.ts';
import { DARK_THEME, LIGHT_THEME } from './graphTheme.ts';

const controllers = { 'ing/default/kubia': ['pod/default/kubia-qxjsk'] };

function render(state = createKubiaFixture(), theme = LIGHT_THEME, overrides = {}) {
  const elements = toFlowElements(
    { state, ingressControllers: controllers, policies: [], stale: false },
    overrides,
  );
  return graphToSvg(toGraphSnapshot(elements.nodes, elements.edges), theme, { title: 'kubia & co <test>' });
}

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const error = doc.querySelector('parsererror');
  if (error) throw new Error(`not well-formed: ${error.textContent}`);
  return doc;
}

const texts = (doc: Document) => [...doc.querySelectorAll('text')].map((t) => t.textContent ?? '');
const viewBox = (doc: Document) =>
  doc.documentElement.getAttribute('viewBox')!.split(' ').map(Number) as [number, number, number, number];

describe('graphToSvg', () => {
  it('is a well-formed standalone SVG with a title, a viewBox and a size', () => {
    const { svg, width, height } = render();
    const doc = parse(svg);
    const root = doc.documentElement;
    expect(root.localName).toBe('svg');
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(root.getAttribute('width')).toBe(String(width));
    expect(root.getAttribute('height')).toBe(String(height));
    expect(viewBox(doc).slice(2)).toEqual([width, height]);
    expect(root.querySelector(':scope > title')?.textContent).toBe('kubia & co <test>');
  });

  it('uses only plain shapes and text: no foreignObject, images, fonts or links', () => {
    const doc = parse(render().svg);
    const used = new Set([...doc.getElementsByTagName('*')].map((e) => e.localName));
    expect([...used].sort()).toEqual(['circle', 'g', 'path', 'rect', 'svg', 'text', 'title', 'tspan']);
    expect(render().svg).not.toMatch(/foreignObject|@font-face|href|url\(/i);
  });

  it('writes every node name, pod IP and Service cluster IP as text', () => {
    const all = texts(parse(render().svg)).join('\n');
    for (const name of [
      'kubia-qxjsk',
      'kubia-b6wgn',
      'kubia-w446j',
      'kind-worker2',
      'kubia-nodeport',
      'laptop',
    ])
      expect(all).toContain(name);
    for (const ip of [
      '10.244.1.2',
      '10.244.2.2',
      '10.244.1.3',
      '10.96.31.193',
      '10.96.117.65',
      '172.18.255.200',
    ])
      expect(all).toContain(ip);
    expect(all).toContain('80:30123/TCP');
    expect(all).toContain('kubia.example.com');
  });

  it('a pod name is a text of its own, and a not-ready pod says so', () => {
    const doc = parse(render().svg);
    const pod = doc.querySelector('#kp-pod-default-kubia-w446j')!;
    expect([...pod.querySelectorAll('text')].map((t) => t.textContent)).toContain('kubia-w446j');
    // The card is narrow: the note may end in an ellipsis, but it is there.
    expect(pod.textContent).toMatch(/· not/);
    expect(pod.querySelector('rect[stroke-dasharray]')?.getAttribute('stroke')).toBe(LIGHT_THEME.warn);
  });

  it('escapes hostile names: they come out as text, never as markup', () => {
    const state = createKubiaFixture();
    state.pods[0]!.metadata.name = 'x<script>alert(1)</script>&amp;"\'\u0001';
    state.settings.name = '</title><svg onload="x">';
    const { svg } = render(state);
    const doc = parse(svg);
    expect(doc.getElementsByTagName('script')).toHaveLength(0);
    expect(doc.querySelectorAll('svg')).toHaveLength(1);
    expect([...doc.querySelectorAll('[onload]')]).toHaveLength(0);
    const all = texts(doc).join('\n');
    expect(all).toContain('</title><svg onload="x">');
    // The pod card is narrow: its title may end in an ellipsis, but starts with the name as typed.
    expect(all).toContain('x<script>');
    expect(svg).toContain('x&lt;script&gt;');
  });

  it('the viewBox covers every node, wherever it was dragged, with a margin', () => {
    const overrides = {
      'client/laptop': { x: -2000, y: -900 },
      'pod/default/kubia-qxjsk': { x: 3000, y: 2500 },
    };
    const state = createKubiaFixture();
    const elements = toFlowElements(
      { state, ingressControllers: controllers, policies: [], stale: false },
      overrides,
    );
    const snapshot = toGraphSnapshot(elements.nodes, elements.edges);
    const [x, y, w, h] = viewBox(parse(graphToSvg(snapshot, LIGHT_THEME, { title: 't' }).svg));
    for (const n of snapshot.nodes) {
      expect(n.x).toBeGreaterThanOrEqual(x + 16);
      expect(n.y).toBeGreaterThanOrEqual(y + 16);
      expect(n.x + n.width).toBeLessThanOrEqual(x + w - 16);
      expect(n.y + n.height).toBeLessThanOrEqual(y + h - 16);
    }
    expect(snapshot.nodes.find((n) => n.id === 'client/laptop')).toMatchObject({ x: -2000, y: -900 });
  });

  it('paints the theme: an opaque background and the theme colours on the cards', () => {
    for (const theme of [LIGHT_THEME, DARK_THEME]) {
      const doc = parse(render(createKubiaFixture(), theme).svg);
      const background = doc.querySelector('svg > rect')!;
      expect(background.getAttribute('fill')).toBe(theme.bg);
      expect(background.hasAttribute('fill-opacity')).toBe(false);
      const svc = doc.querySelector('#kp-svc-default-kubia rect')!;
      expect(svc.getAttribute('fill')).toBe(theme.svc);
      // rgba() colours become hex plus an opacity, which every slide tool reads.
      expect(doc.querySelector('#kp-cluster rect')!.getAttribute('fill-opacity')).not.toBeNull();
    }
  });

  it('draws the lines the stage routes as the stage draws them: the bus, the load balancer and Ingress routes', () => {
    const elements = toFlowElements({
      state: createKubiaFixture(),
      ingressControllers: controllers,
      policies: [],
      stale: false,
    });
    const snapshot = toGraphSnapshot(elements.nodes, elements.edges);
    const doc = parse(graphToSvg(snapshot, LIGHT_THEME, { title: 't' }).svg);
    const edge = (id: string) => doc.querySelector(`#kp-${id.replace(/[^A-Za-z0-9_.-]/g, '-')} path`);
    const routed = elements.edges.filter(
      (e) => e.type === 'bus' || e.type === 'lbRoute' || e.type === 'routed',
    );
    expect(new Set(routed.map((e) => e.type))).toEqual(new Set(['bus', 'lbRoute', 'routed']));
    for (const e of routed) {
      const d = edge(e.id)!.getAttribute('d')!;
      // Straight runs and rounded corners only: no bezier curve anywhere.
      expect(d, e.id).not.toMatch(/C/);
      expect(d, e.id).toBe(snapshot.edges.find((s) => s.id === e.id)!.path);
    }
    // The bus: one trunk with the ready branches in the Service line colour, the not-ready branch
    // dashed in the warning line colour (the stage's --line-svc and --line-warn, 3:1 on the page).
    const bus = edge('e:ep/default/kubia->pods')!;
    expect(bus.getAttribute('stroke')).toBe(LIGHT_THEME.lineSvc);
    const notReady = edge('e:ep/default/kubia->pods:notready')!;
    expect(notReady.getAttribute('stroke')).toBe(LIGHT_THEME.lineWarn);
    expect(notReady.getAttribute('stroke-dasharray')).toBe('6 6');
    // The controller's link to its Ingress is dotted, as on the stage.
    const controller = elements.edges.find((e) => e.className?.includes('kp-edge-controller'))!;
    expect(edge(controller.id)!.getAttribute('stroke-dasharray')).toBe('3 5');
    // Every other edge is still React Flow's bezier between the handles.
    for (const e of snapshot.edges.filter((s) => !s.path))
      expect(edge(e.id)!.getAttribute('d')).toMatch(/ C/);
  });

  it('stacks like React Flow: cluster frame first, pods after their node and after the edges that reach them', () => {
    const doc = parse(render().svg);
    const order = [...doc.querySelectorAll('g[id]')].map((g) => g.id);
    const at = (id: string) => order.indexOf(id);
    expect(at('kp-cluster')).toBe(0);
    expect(at('kp-node-kind-worker')).toBeLessThan(at('kp-pod-default-kubia-qxjsk'));
    expect(at('kp-e-ep-default-kubia--pods')).toBeLessThan(at('kp-pod-default-kubia-qxjsk'));
    expect(at('kp-e-ep-default-kubia--pods')).toBeGreaterThan(at('kp-node-kind-worker'));
  });

  it('a node that is down is marked down, in the bad colour', () => {
    const state = createKubiaFixture();
    state.nodes[1]!.up = false;
    const doc = parse(render(state).svg);
    const node = doc.querySelector('#kp-node-kind-worker')!;
    expect(node.getAttribute('opacity')).toBe('0.65');
    expect(texts(doc as unknown as Document).length).toBeGreaterThan(0);
    expect([...node.querySelectorAll('text')].map((t) => t.textContent)).toContain('down');
  });

  it('an empty graph still gives a valid picture', () => {
    const { svg, width, height } = graphToSvg({ nodes: [], edges: [] }, LIGHT_THEME, { title: 'empty' });
    parse(svg);
    expect(width).toBeGreaterThan(0);
    expect(height).toBeGreaterThan(0);
  });

  it('draws edge labels and arrowheads when an edge has them', () => {
    const nodes = toFlowElements({
      state: createKubiaFixture(),
      ingressControllers: {},
      policies: [],
      stale: false,
    }).nodes;
    const edges: GraphEdge[] = [
      {
        id: 'e1',
        source: 'client/laptop',
        target: 'svc/default/kubia',
        label: 'GET <x> & y',
        markerEnd: 'arrow',
      },
    ];
    const doc = parse(
      graphToSvg(toGraphSnapshot(nodes as GraphNode[], edges), LIGHT_THEME, { title: 't' }).svg,
    );
    const edge = doc.querySelector('#kp-e1')!;
    expect(edge.querySelector('text')?.textContent).toBe('GET <x> & y');
    expect(edge.querySelectorAll('path')).toHaveLength(2);
  });

  it('a long node name keeps its "down" badge and ends in an ellipsis; an "up" badge gives way to the name', () => {
    const state = createKubiaFixture();
    state.nodes[1]!.name = 'a-very-long-node-name-for-a-slide';
    state.nodes[1]!.up = false;
    const doc = parse(render(state).svg);
    const down = [
      ...doc.querySelector('#kp-node-a-very-long-node-name-for-a-slide')!.querySelectorAll('text'),
    ];
    expect(down.map((t) => t.textContent)).toContain('down');
    expect(down.some((t) => /^a-very-l.*…$/.test(t.textContent ?? ''))).toBe(true);
    // Lengthen the name of a node as narrow as the stage draws an empty one (KUBE_NODE.minWidth)
    // until its `up` badge has no room: the name is still whole then.
    let badgeGone = false;
    for (let extra = 0; extra < 20 && !badgeGone; extra++) {
      const name = `kind-worker2-${'x'.repeat(extra)}`;
      state.nodes[2]!.name = name;
      const elements = toFlowElements({ state, ingressControllers: controllers, policies: [], stale: false });
      const snapshot = toGraphSnapshot(elements.nodes, elements.edges);
      snapshot.nodes.find((n) => n.id === `node/${name}`)!.width = KUBE_NODE.minWidth;
      const node = parse(graphToSvg(snapshot, LIGHT_THEME, { title: 't' }).svg).querySelector(
        `#kp-node-${name}`,
      )!;
      const shown = [...node.querySelectorAll('text')].map((t) => t.textContent);
      badgeGone = !shown.includes('up');
      if (badgeGone) expect(shown).toContain(name);
    }
    expect(badgeGone).toBe(true);
  });
});
