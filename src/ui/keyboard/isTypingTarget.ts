/**
 * Is a key pressed now meant for a place where a person types? Every page-wide shortcut (the
 * presenter keys, React Flow's pan-on-Space) asks this first and stays out of the way when it is.
 *
 * Form fields and contenteditable are the obvious cases. Monaco is not one of them in Chromium: it
 * takes input through the EditContext API on a plain focusable <div class="native-edit-context">
 * (https://developer.mozilla.org/docs/Web/API/EditContext_API), which React Flow's own input check
 * (tag name or a contenteditable attribute) does not recognise, so it cancelled Space there. xterm
 * types through a hidden <textarea>. A modal dialog owns every key while it is open.
 */

/** Elements that take typed text themselves. */
const TEXT_FIELDS =
  'input, textarea, select, [contenteditable]:not([contenteditable="false"]), .monaco-editor, .xterm';
/** Anything inside these keeps its keys too (a dialog's buttons and links as much as its fields). */
const KEY_OWNERS = 'dialog, [role="dialog"], [role="alertdialog"]';

/** Focused EditContext elements (Monaco's input) carry their context as a property, not an attribute. */
function hasEditContext(element: Element): boolean {
  return (element as Element & { editContext?: unknown }).editContext != null;
}

export function isTypingElement(element: Element | null | undefined): boolean {
  if (!element) return false;
  if (hasEditContext(element)) return true;
  return element.closest(`${TEXT_FIELDS}, ${KEY_OWNERS}`) !== null;
}

/**
 * The event's first target (inside an open shadow root, the element itself, not its host) decides,
 * as in React Flow's `isInputDOMNode`.
 */
export function isTypingTarget(event: Event): boolean {
  const first = event.composedPath()[0] ?? event.target;
  return first instanceof Element && isTypingElement(first);
}

/** Whether the element that has the keyboard focus now takes typed text (see isTypingElement). */
export function isTypingFocused(doc: Document = document): boolean {
  return isTypingElement(doc.activeElement);
}
