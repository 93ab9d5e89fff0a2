/**
 * Keys the browser, not the shell, should handle (xterm's custom key handler: returning false lets
 * the browser do its default). Copy with a selection, paste, and a way out of the terminal for
 * keyboard users, since Tab is completion inside it (WCAG 2.1.2, no keyboard trap).
 */
export interface SelectionSource {
  hasSelection(): boolean;
  getSelection(): string;
}

/**
 * `copy` writes the selection to the clipboard itself (navigator.clipboard in the page): the
 * browser's own copy only works when its copy event reaches xterm's textarea.
 */
export function createTerminalKeyFilter(
  term: SelectionSource,
  copy: (text: string) => void = () => {},
): (event: KeyboardEvent) => boolean {
  let escaped = false;
  return (event) => {
    if (event.type !== 'keydown') return true;
    const key = event.key.toLowerCase();
    const modifier = event.ctrlKey || event.metaKey;
    if (key === 'escape') {
      escaped = true;
      return true;
    }
    const leaving = escaped && key === 'tab';
    if (!['shift', 'control', 'alt', 'meta'].includes(key)) escaped = false;
    if (leaving) return false;
    // Ctrl-C copies when text is selected (as in most terminal apps), otherwise it interrupts.
    if (modifier && key === 'c' && (event.shiftKey || event.metaKey || term.hasSelection())) {
      if (term.hasSelection()) copy(term.getSelection());
      return false;
    }
    // Ctrl-V / Ctrl-Shift-V / Cmd-V: let the browser fire its paste event, which xterm turns into input.
    if (modifier && key === 'v') return false;
    return true;
  };
}
