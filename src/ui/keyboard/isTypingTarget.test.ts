// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { isTypingElement, isTypingFocused, isTypingTarget } from './isTypingTarget.ts';

function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/** What a listener on the window decides for a Space pressed on `element` (asked during dispatch). */
function typingOnWindow(element: Element): boolean {
  let typing: boolean | null = null;
  window.addEventListener('keydown', (e) => (typing = isTypingTarget(e)), { once: true });
  element.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
  if (typing === null) throw new Error('the keydown never reached the window');
  return typing;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('isTypingElement', () => {
  it('form fields and contenteditable take typed text', () => {
    const root = mount(`
      <input id="url" type="text"><textarea id="ta"></textarea><select id="sel"></select>
      <div contenteditable="true"><span id="inside">x</span></div>
      <div contenteditable="plaintext-only" id="plain"></div>
      <div contenteditable="false" id="off"></div>`);
    for (const id of ['url', 'ta', 'sel', 'inside', 'plain']) {
      expect(isTypingElement(root.querySelector(`#${id}`)), id).toBe(true);
    }
    expect(isTypingElement(root.querySelector('#off'))).toBe(false);
  });

  it("Monaco's EditContext div and xterm's textarea count, by their editors and by the EditContext itself", () => {
    const root = mount(`
      <div class="monaco-editor"><div class="native-edit-context" tabindex="0" id="monaco"></div></div>
      <div class="xterm"><textarea class="xterm-helper-textarea" id="xterm"></textarea></div>
      <div tabindex="0" id="bare"></div>`);
    expect(isTypingElement(root.querySelector('#monaco'))).toBe(true);
    expect(isTypingElement(root.querySelector('#xterm'))).toBe(true);
    const bare = root.querySelector('#bare')!;
    expect(isTypingElement(bare)).toBe(false);
    Object.defineProperty(bare, 'editContext', { value: {} });
    expect(isTypingElement(bare)).toBe(true);
  });

  it('everything inside a dialog belongs to the dialog', () => {
    const root = mount(`
      <dialog open><button id="close">Close</button></dialog>
      <div role="dialog"><a href="#" id="link">x</a></div>`);
    expect(isTypingElement(root.querySelector('#close'))).toBe(true);
    expect(isTypingElement(root.querySelector('#link'))).toBe(true);
  });

  it('the graph, buttons and the page body do not', () => {
    const root = mount(`
      <div class="react-flow" role="application"><div class="react-flow__node" tabindex="0" id="node"></div></div>
      <button id="present">Present</button>`);
    expect(isTypingElement(root.querySelector('#node'))).toBe(false);
    expect(isTypingElement(root.querySelector('#present'))).toBe(false);
    expect(isTypingElement(document.body)).toBe(false);
    expect(isTypingElement(null)).toBe(false);
  });
});

describe('isTypingTarget', () => {
  it('asks about where the key was pressed, also when the listener sits on the window', () => {
    const root = mount(
      `<div class="monaco-editor"><div id="monaco" tabindex="0"></div></div><p id="text">x</p>`,
    );
    expect(typingOnWindow(root.querySelector('#monaco')!)).toBe(true);
    expect(typingOnWindow(root.querySelector('#text')!)).toBe(false);
  });

  it('looks through an open shadow root to the element inside it', () => {
    const host = mount('<div id="host"></div>').querySelector('#host')!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input id="field">';
    expect(typingOnWindow(shadow.querySelector('#field')!)).toBe(true);
  });
});

describe('isTypingFocused', () => {
  it('follows the keyboard focus', () => {
    const root = mount('<input id="field"><button id="button">b</button>');
    (root.querySelector('#field') as HTMLElement).focus();
    expect(isTypingFocused()).toBe(true);
    (root.querySelector('#button') as HTMLElement).focus();
    expect(isTypingFocused()).toBe(false);
  });
});
