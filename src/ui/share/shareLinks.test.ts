import { describe, it, expect } from 'vitest';
import { decodeScenario } from '../../share/index.ts';
import { toIframeSnippet, toShareLinks, toSharedScenario } from './shareLinks.ts';

const scenario = {
  scenarioId: 'custom',
  yaml: 'kind: Pod\nmetadata:\n  name: a\n',
  seed: 7,
  actions: [{ type: 'node', name: 'kind-worker', up: false }] as never[],
};
const view = {
  positions: { 'pod/default/a': { x: 10, y: 20 } },
  selection: 'pod/default/a',
  draft: { from: 'client/laptop', url: 'http://kubia', host: '' },
};

function decode(url: string) {
  const result = decodeScenario(url.slice(url.indexOf('#') + 1));
  if (!result.ok) throw new Error(result.error.message);
  return result.scenario;
}

describe('toSharedScenario', () => {
  it('keeps yaml, seed and actions whatever the options', () => {
    const shared = toSharedScenario(scenario, view, { layout: false, request: false });
    expect(shared).toEqual({
      yaml: scenario.yaml,
      seed: 7,
      actions: scenario.actions,
      view: { selected: 'pod/default/a' },
    });
  });

  it('adds the layout and the request when asked', () => {
    const shared = toSharedScenario(scenario, view, { layout: true, request: true });
    expect(shared.layout).toEqual(view.positions);
    expect(shared.view?.request).toEqual({ from: 'client/laptop', url: 'http://kubia' });
  });

  it('carries the details narration level, and nothing for plain (the default)', () => {
    const details = toSharedScenario(
      scenario,
      { ...view, narration: 'details' },
      { layout: false, request: false },
    );
    expect(details.view).toEqual({ selected: 'pod/default/a', narration: 'details' });
    expect(decode(toShareLinks('https://x.test/', details).link).view?.narration).toBe('details');
    const plain = toSharedScenario(
      scenario,
      { ...view, narration: 'plain' },
      { layout: false, request: false },
    );
    expect(plain.view).toEqual({ selected: 'pod/default/a' });
    const unticked = toSharedScenario(
      scenario,
      { ...view, narration: 'details' },
      { layout: false, request: false, narration: false },
    );
    expect(unticked.view?.narration).toBeUndefined();
  });

  it('leaves the layout out when nothing was dragged', () => {
    const shared = toSharedScenario(scenario, { ...view, positions: {} }, { layout: true, request: false });
    expect(shared.layout).toBeUndefined();
  });
});

describe('toShareLinks', () => {
  it('puts the same fragment behind the page and behind ?embed, and both decode', () => {
    const shared = toSharedScenario(scenario, view, { layout: true, request: true });
    const links = toShareLinks('https://x.test/play/?embed=terminal#z1.old', shared);
    expect(links.link.startsWith('https://x.test/play/#z1.')).toBe(true);
    expect(links.embedLink.startsWith('https://x.test/play/?embed#z1.')).toBe(true);
    expect(links.embedLink.split('#')[1]).toBe(links.link.split('#')[1]);
    expect(decode(links.link)).toEqual(shared);
  });

  it('makes an iframe whose src is the embed link, attribute-escaped', () => {
    expect(toIframeSnippet('https://x.test/?embed&a="b"#z1.q')).toBe(
      '<iframe src="https://x.test/?embed&amp;a=&quot;b&quot;#z1.q" title="kubeplay" width="960" height="540" style="border:0" loading="lazy"></iframe>',
    );
  });
});
