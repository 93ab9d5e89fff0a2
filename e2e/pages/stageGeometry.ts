/**
 * What the stage looks like, read from the DOM's boxes (never from pixels): which text is clipped,
 * whether a line of the Endpoints bus runs through a node's header text, how large names are drawn,
 * and how the drawing sits in its pane (issue 11).
 */
import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

export interface StageGeometry {
  zoom: number;
  /** Smallest on-screen size (font size times zoom) of each kind of text. */
  podNamePx: number;
  serviceNamePx: number;
  podIpPx: number;
  /** The smallest text drawn on the stage (every text in every card, the cluster's title): `px text`. */
  smallestText: { px: number; text: string };
  /**
   * Every text line of every kind of card (the kind tags and badges aside, which are labels, not
   * lines): for each kind, the smallest on-screen size and the text drawn at it (`kind: px text`).
   */
  cardLines: { kind: string; px: number; text: string }[];
  /** A card's line (not its title, which `clipped` covers) wider than the card: cut by an ellipsis or the card's edge. */
  linesCut: string[];
  /** Smallest on-screen size of the address lines on the cards outside the cluster (load balancers, clients, outside hosts). */
  outsideAddressPx: number;
  /**
   * The smallest address inside the cluster (a pod's IP, a Service's ClusterIP, ports and external
   * address, a node's address and pod range): `px text`.
   */
  clusterAddress: { px: number; text: string };
  /** Texts whose box holds less than their content (a clamp or an overflow hides part of them). */
  clipped: string[];
  /** Pod names whose last part (the suffix that tells pods apart) is not wholly inside the card. */
  podTailsCut: string[];
  /** Pod names cut anywhere at all (the middle, or the end). */
  podNamesCut: string[];
  /**
   * Pod names cut by CSS's ellipsis, which leaves an empty stretch before the kept suffix
   * (`traefik-… -svz52`), or whose drawn start ends more than 2 px before the suffix.
   */
  podNameGaps: string[];
  /** A Service's port line broken onto a second line (`80:32403/TCP +1` / `more`). */
  portLinesBroken: string[];
  /** Cards whose content runs past their bottom edge (the last line cut, or hidden). */
  cardsOverflowing: string[];
  /** Cards (and the cluster's title) under a line over the graph (Problems, a failed request). */
  coveredByLines: string[];
  /** The scenario picker shows less than the chosen scenario's whole title. */
  pickerCut: boolean;
  /** Bus lines drawn through a node header's text: `node: point`. */
  busOverHeaders: string[];
  /**
   * Edges other than the Endpoints bus (an Ingress's to its backends, the controller's, the load
   * balancers', a Service's to its Endpoints) drawn through a card that is not one of their two ends,
   * a node's header or the cluster's title: `edge through card at point`.
   */
  edgesThroughCards: string[];
  /**
   * Empty pane inside the drawing: a row of nodes that stops short of the cluster's right side, or a
   * cluster that ends above the column of outside cards beside it: `what: px`.
   */
  holes: string[];
  /** The drawing's distance from each side of the pane's fitted box, in screen pixels. */
  margins: { left: number; right: number; top: number; bottom: number };
}

export async function readStage(
  page: Page,
  fitPadding: { top: number; left: number; right: number; bottom: number },
): Promise<StageGeometry> {
  return page.evaluate((padding) => {
    const viewport = document.querySelector('.react-flow__viewport')!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const shown = (el: Element) => (el as HTMLElement).offsetParent !== null;
    const px = (selector: string) =>
      Math.min(
        ...Array.from(document.querySelectorAll(selector))
          .filter(shown)
          .map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom),
      );
    const textBox = (el: Element) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return range.getBoundingClientRect();
    };
    const label = (el: Element) =>
      el.closest('[data-graph-id]')?.getAttribute('data-graph-id') ?? el.className;

    const clipped = Array.from(
      document.querySelectorAll(
        '.react-flow__node :is(.kp-card, .kp-pod):not(.kp-lod) > .kp-title, .react-flow__node .kp-card:not(.kp-lod) > .kp-title > .kp-name, .react-flow__node-node .kp-node-header > *',
      ),
    )
      .filter(shown)
      // A name's ellipsis shows as soon as its text is a fraction of a pixel wider than its box.
      .filter((el) => {
        const slack = el.classList.contains('kp-name') ? 0 : 1;
        return el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + slack;
      })
      .map((el) => `${label(el)}: ${el.textContent}`);

    const pods = Array.from(document.querySelectorAll('.react-flow__node-pod .kp-pod:not(.kp-lod)')).filter(
      shown,
    );
    const podTailsCut: string[] = [];
    const podNamesCut: string[] = [];
    const podNameGaps: string[] = [];
    for (const pod of pods) {
      const card = pod.getBoundingClientRect();
      const name = pod.querySelector('.kp-name')!;
      const tail = pod.querySelector('.kp-name-tail');
      const head = pod.querySelector('.kp-name-head');
      const end = tail ? textBox(tail) : textBox(name);
      if (end.right > card.right - 2 || end.left < card.left) podTailsCut.push(name.textContent ?? '');
      const whole = head
        ? head.scrollWidth <= head.clientWidth + 1 && !(head as HTMLElement).dataset.cut
        : name.scrollWidth <= name.clientWidth + 1;
      if (!whole || end.right > card.right - 2) podNamesCut.push(name.textContent ?? '');
      // The head's box ends where its drawn text does unless CSS's ellipsis cut it.
      if (head && tail && !whole) {
        const byCss = head.scrollWidth > head.clientWidth + 1;
        const gap = tail.getBoundingClientRect().left - head.getBoundingClientRect().right;
        if (byCss || gap > 2) podNameGaps.push(name.textContent ?? '');
      }
    }

    const cardsOverflowing = Array.from(
      document.querySelectorAll('.react-flow__node :is(.kp-card, .kp-pod):not(.kp-lod)'),
    )
      .filter(shown)
      .filter((el) => el.scrollHeight > el.clientHeight + 1)
      .map((el) => `${label(el)}: ${el.scrollHeight - el.clientHeight} px`);

    const portLinesBroken = Array.from(
      document.querySelectorAll('.react-flow__node .kp-service:not(.kp-lod) .kp-service-ports'),
    )
      .filter(shown)
      .filter((el) => {
        const lineHeight =
          parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.2;
        return el.getBoundingClientRect().height / zoom > lineHeight * 1.5;
      })
      .map((el) => `${label(el)}: ${el.textContent}`);

    const overlaps = (a: DOMRect, b: DOMRect) =>
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const lines = Array.from(document.querySelectorAll('.kp-graph-line'))
      .filter(shown)
      .map((el) => el.getBoundingClientRect());
    const under = [
      ...Array.from(document.querySelectorAll('.react-flow__node:not(.react-flow__node-cluster)')).map(
        (el) => ({ id: label(el.querySelector('[data-graph-id]') ?? el), box: el.getBoundingClientRect() }),
      ),
      ...Array.from(document.querySelectorAll('.kp-cluster-title, .kp-header :is(select, button)'))
        .filter(shown)
        .map((el) => ({ id: el.getAttribute('data-testid') ?? el.className, box: textBox(el) })),
    ];
    const coveredByLines = under
      .filter(({ box }) => lines.some((line) => overlaps(line, box)))
      .map(({ id }) => id);

    const picker = document.querySelector<HTMLSelectElement>('[data-testid="scenario-picker"]')!;
    const probe = picker.cloneNode(false) as HTMLSelectElement;
    probe.removeAttribute('data-testid');
    probe.append(new Option(picker.selectedOptions[0]?.textContent ?? ''));
    Object.assign(probe.style, {
      maxWidth: 'none',
      width: 'auto',
      position: 'absolute',
      visibility: 'hidden',
    });
    picker.after(probe);
    const pickerCut = probe.getBoundingClientRect().width > picker.getBoundingClientRect().width + 0.5;
    probe.remove();

    // The bus, sampled along its length in screen coordinates, against each node header's text boxes.
    const headerTexts = Array.from(document.querySelectorAll('.react-flow__node-node .kp-node-header > *'))
      .filter(shown)
      .map((el) => ({ id: label(el), box: textBox(el) }));
    const busOverHeaders: string[] = [];
    for (const path of Array.from(
      document.querySelectorAll<SVGPathElement>('.react-flow__edge path.kp-bus'),
    )) {
      const ctm = path.getScreenCTM();
      if (!ctm) continue;
      const length = path.getTotalLength();
      for (let at = 0; at <= length; at += 2) {
        const p = path.getPointAtLength(at).matrixTransform(ctm);
        const hit = headerTexts.find(
          ({ box }) => p.x > box.left + 1 && p.x < box.right - 1 && p.y > box.top + 1 && p.y < box.bottom - 1,
        );
        if (hit) {
          busOverHeaders.push(`${hit.id}: ${Math.round(p.x)},${Math.round(p.y)}`);
          break;
        }
      }
    }

    // Every other edge, sampled along its length, against every card but its own two ends: a node
    // counts by its header (its body holds the pods, which count themselves), the cluster by its title.
    const cardBoxes = [
      ...Array.from(
        document.querySelectorAll('.react-flow__node:not(.react-flow__node-cluster, .react-flow__node-node)'),
      ).map((el) => ({ id: el.getAttribute('data-id') ?? '', box: el.getBoundingClientRect() })),
      ...Array.from(document.querySelectorAll('.react-flow__node-node')).map((el) => ({
        id: el.getAttribute('data-id') ?? '',
        box: el.querySelector('.kp-node-header')!.getBoundingClientRect(),
      })),
      ...Array.from(document.querySelectorAll('.kp-cluster-title'))
        .filter(shown)
        .map((el) => ({ id: 'cluster title', box: textBox(el) })),
    ];
    const edgesThroughCards: string[] = [];
    for (const edge of Array.from(document.querySelectorAll('.react-flow__edge:not(.kp-edge-bus)'))) {
      const id = edge.getAttribute('data-id') ?? '';
      const ends = id.replace(/^e:/, '').split('->');
      const path = edge.querySelector<SVGPathElement>('path.react-flow__edge-path');
      const ctm = path?.getScreenCTM();
      if (!path || !ctm || getComputedStyle(edge).visibility === 'hidden') continue;
      const length = path.getTotalLength();
      for (let at = 0; at <= length; at += 2) {
        const p = path.getPointAtLength(at).matrixTransform(ctm);
        const hit = cardBoxes.find(
          ({ id: card, box }) =>
            !ends.includes(card) &&
            p.x > box.left + 2 &&
            p.x < box.right - 2 &&
            p.y > box.top + 2 &&
            p.y < box.bottom - 2,
        );
        if (hit) {
          edgesThroughCards.push(`${id} through ${hit.id} at ${Math.round(p.x)},${Math.round(p.y)}`);
          break;
        }
      }
    }

    let smallestText = { px: Infinity, text: '' };
    const texts = document.createTreeWalker(
      document.querySelector('.react-flow__nodes')!,
      NodeFilter.SHOW_TEXT,
    );
    for (let t = texts.nextNode(); t; t = texts.nextNode()) {
      const el = t.parentElement;
      if (!el || !t.textContent?.trim() || !shown(el) || getComputedStyle(el).visibility === 'hidden')
        continue;
      const size = parseFloat(getComputedStyle(el).fontSize) * zoom;
      if (size < smallestText.px) smallestText = { px: size, text: t.textContent.trim() };
    }

    // Every card kind's every line: walk each card's text, skipping what is not drawn (a hover face, a
    // hidden line) and the kind tags and badges.
    const smallestByKind = new Map<string, { px: number; text: string }>();
    for (const node of Array.from(document.querySelectorAll('.react-flow__node'))) {
      const kind =
        Array.from(node.classList)
          .find((c) => c.startsWith('react-flow__node-'))
          ?.slice('react-flow__node-'.length) ?? 'unknown';
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        const el = t.parentElement;
        if (!el || !t.textContent?.trim() || !shown(el)) continue;
        if (el.closest('.kp-kind, .kp-badge, .kp-consulted-tag')) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        if (el.getClientRects().length === 0) continue;
        const size = parseFloat(style.fontSize) * zoom;
        const known = smallestByKind.get(kind);
        if (!known || size < known.px) smallestByKind.set(kind, { px: size, text: t.textContent.trim() });
      }
    }
    const linesCut = Array.from(
      document.querySelectorAll(
        '.react-flow__node :is(.kp-card, .kp-pod):not(.kp-lod) > :not(.kp-title, .react-flow__handle)',
      ),
    )
      .filter(shown)
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${label(el)}: ${el.textContent}`);
    const cardLines = Array.from(smallestByKind, ([kind, line]) => ({ kind, ...line })).sort((a, b) =>
      a.kind.localeCompare(b.kind),
    );

    let clusterAddress = { px: Infinity, text: '' };
    for (const el of Array.from(
      document.querySelectorAll(
        '.react-flow__node :is(.kp-pod:not(.kp-lod) > .kp-mono, .kp-service:not(.kp-lod) .kp-mono, .kp-knode .kp-mono)',
      ),
    )) {
      if (!shown(el) || getComputedStyle(el).display === 'none') continue;
      const size = parseFloat(getComputedStyle(el).fontSize) * zoom;
      if (size < clusterAddress.px) clusterAddress = { px: size, text: el.textContent?.trim() ?? '' };
    }

    const holes: string[] = [];
    const clusterBox = document.querySelector('.react-flow__node-cluster')?.getBoundingClientRect();
    if (clusterBox) {
      // The cluster's padding (16 units) and a few pixels of rounding are not a hole.
      const slack = 16 * zoom + 6;
      const rows = new Map<number, DOMRect[]>();
      for (const el of Array.from(document.querySelectorAll('.react-flow__node-node'))) {
        const box = el.getBoundingClientRect();
        const top = Math.round(box.top / 4);
        rows.set(top, [...(rows.get(top) ?? []), box]);
      }
      for (const [, row] of rows) {
        const short = clusterBox.right - Math.max(...row.map((b) => b.right));
        if (short > slack)
          holes.push(`node row at ${Math.round(row[0]!.top)}: ${Math.round(short)} px short`);
        const tallest = Math.max(...row.map((b) => b.bottom));
        for (const b of row)
          if (tallest - b.bottom > 6)
            holes.push(`node under-height at ${Math.round(b.left)}: ${Math.round(tallest - b.bottom)} px`);
      }
      const outsideBottom = Math.max(
        ...Array.from(
          document.querySelectorAll(
            '.react-flow__node-client, .react-flow__node-lb, .react-flow__node-outside',
          ),
        )
          .map((el) => el.getBoundingClientRect())
          .filter((b) => b.right <= clusterBox.left)
          .map((b) => b.bottom),
      );
      if (outsideBottom - clusterBox.bottom > slack)
        holes.push(
          `cluster ends ${Math.round(outsideBottom - clusterBox.bottom)} px above the outside cards`,
        );
    }

    const pane = document.querySelector('.kp-graph .react-flow')!.getBoundingClientRect();
    const boxes = Array.from(document.querySelectorAll('.react-flow__node')).map((n) =>
      n.getBoundingClientRect(),
    );
    const margins = {
      left: Math.min(...boxes.map((b) => b.left)) - pane.left - padding.left,
      right: pane.right - padding.right - Math.max(...boxes.map((b) => b.right)),
      top: Math.min(...boxes.map((b) => b.top)) - pane.top - padding.top,
      bottom: pane.bottom - padding.bottom - Math.max(...boxes.map((b) => b.bottom)),
    };
    return {
      zoom,
      podNamePx: px('.react-flow__node-pod .kp-pod:not(.kp-lod) .kp-name'),
      serviceNamePx: px('.react-flow__node-service .kp-card:not(.kp-lod) .kp-name'),
      podIpPx: px('.react-flow__node-pod .kp-pod:not(.kp-lod) .kp-mono'),
      outsideAddressPx: px(
        ':is(.react-flow__node-lb, .react-flow__node-client, .react-flow__node-outside) .kp-card > .kp-mono',
      ),
      clusterAddress,
      cardLines,
      linesCut,
      clipped,
      podTailsCut,
      podNamesCut,
      podNameGaps,
      cardsOverflowing,
      portLinesBroken,
      coveredByLines,
      pickerCut,
      busOverHeaders,
      edgesThroughCards,
      smallestText,
      holes,
      margins,
    };
  }, fitPadding);
}

/** The graph ids on screen, to tell one scenario's drawing from the next. */
export async function graphIds(page: Page): Promise<string> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[data-graph-id]'))
      .map((el) => el.getAttribute('data-graph-id'))
      .sort()
      .join(' '),
  );
}

/**
 * The view has settled once fitView has run: the viewport's transform is the same a second apart
 * (a resize refits after 120 ms and animates for 150 ms, so a shorter look can fall between them).
 * Under heavy load (a CI run at load 40) the view was still moving after 20 s, as each panel that
 * finishes loading refits the pane, so this waits as long as a first graph may take.
 */
export async function settled(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page
          .locator('.react-flow__viewport')
          .evaluate((e) => getComputedStyle(e).transform);
        const same = now === last;
        last = now;
        return same;
      },
      { timeout: 60_000, intervals: [1_000] },
    )
    .toBe(true);
}

/**
 * Every name drawn on screen (not hidden) in the graph's nodes (those matching `nodes`), with its
 * rendered size: font size times the viewport's zoom.
 */
export async function drawnNamesPx(
  page: Page,
  nodes = '.react-flow__node',
): Promise<{ text: string; px: number }[]> {
  return page.evaluate((scope) => {
    const viewport = document.querySelector('.react-flow__viewport');
    if (!viewport) return [];
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    return Array.from(document.querySelectorAll(`:is(${scope}) .kp-name, :is(${scope}) .kp-lod-name`))
      .filter((el) => {
        const style = getComputedStyle(el);
        return (el as HTMLElement).offsetParent !== null && style.visibility !== 'hidden';
      })
      .map((el) => ({ text: el.textContent ?? '', px: parseFloat(getComputedStyle(el).fontSize) * zoom }));
  }, nodes);
}
