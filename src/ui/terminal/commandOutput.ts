/**
 * How a finished line's output reaches the screen, as bash would print it: the shell's reply, or the
 * app's failure to answer printed as a command's complaint, then the next prompt on a row of its own.
 */
import type { TerminalScreen } from './terminalController.ts';
import { toTerminalText } from './terminalText.ts';

/** Home, erase the screen and the scrollback: what `clear` and Ctrl-L send. */
export const CLEAR_SCREEN = '\x1b[H\x1b[2J\x1b[3J';

export interface CommandOutput {
  output: string;
  exitCode: number;
  /** `clear` was typed: the screen is cleared before the output. */
  clear: boolean;
}

/** The app could not run the line (the engine failed): said as a failing command would say it. */
export function failedCommandOutput(error: unknown): CommandOutput {
  return {
    output: `kubeplay: ${error instanceof Error ? error.message : String(error)}\n`,
    exitCode: 1,
    clear: false,
  };
}

export function printCommandOutput(screen: TerminalScreen, { output, clear }: CommandOutput): void {
  if (clear) screen.write(CLEAR_SCREEN);
  // bash would put the prompt right after output without a final newline; a new row keeps the
  // prompt where the next line's cursor arithmetic expects it.
  const ended = output === '' || output.endsWith('\n') ? output : `${output}\n`;
  screen.write(toTerminalText(ended));
}
