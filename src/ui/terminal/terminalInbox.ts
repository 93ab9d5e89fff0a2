/**
 * How the rest of the page hands text to the terminal (the inspector's "paste name to terminal"):
 * a tiny mailbox, so the caller does not load the terminal's chunk and text sent before the terminal
 * has mounted is not lost. Ephemeral view state, never shared or replayed.
 */
type Listener = (text: string) => void;

let listener: Listener | null = null;
const waiting: string[] = [];

/** Types `text` at the terminal's cursor (it is never run); opens nothing by itself. */
export function pasteToTerminal(text: string): void {
  if (listener) listener(text);
  else waiting.push(text);
}

/** The mounted terminal receives texts, first the ones that waited for it. Returns the unsubscribe. */
export function receiveTerminalPastes(receive: Listener): () => void {
  listener = receive;
  for (const text of waiting.splice(0)) receive(text);
  return () => {
    if (listener === receive) listener = null;
  };
}
