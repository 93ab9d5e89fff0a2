/**
 * The lesson panel's Run button: types the command into the terminal and presses Enter, so the
 * line runs in the student's own shell (inside the pod they exec'd into, with their history) and its
 * output appears where they read everything else.
 *
 * xterm.js turns a paste on its helper textarea into input (`\r` is Enter), the same path a real
 * paste takes. When the terminal is not on screen yet, the command is only pasted (pasteToTerminal
 * keeps it until the terminal mounts) and the student presses Enter.
 * TODO(terminal owner): a `runInTerminal(text)` beside pasteToTerminal in terminalInbox.ts would
 * replace this DOM path.
 */
import { pasteToTerminal } from '../terminal/terminalInbox.ts';

/** Returns true when the line was sent with Enter, false when it was only pasted. */
export function runInTerminal(command: string): boolean {
  const input = document.querySelector<HTMLTextAreaElement>(
    '[data-testid="terminal"] .xterm-helper-textarea',
  );
  if (!input) {
    pasteToTerminal(command);
    return false;
  }
  const data = new DataTransfer();
  data.setData('text/plain', `${command}\r`);
  input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  input.focus();
  return true;
}
