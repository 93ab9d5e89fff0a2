/**
 * Go's text/tabwriter (elastic tabstops), which kubectl prints every table and describe page through.
 * kubectl get uses minwidth 6, padding 3 (k8s.io/cli-runtime printers/tabwriter.go); kubectl describe
 * uses minwidth 0, padding 2 (kubectl pkg/describe PrefixWriter). Reproducing the algorithm, rather
 * than padding to the widest cell of each column, gets the same widths as kubectl where a column
 * block is broken by a line with fewer cells (describe's `Port:` lines).
 */
export interface TabwriterOptions {
  minwidth: number;
  padding: number;
}

export const GET_TABLE: TabwriterOptions = { minwidth: 6, padding: 3 };
export const DESCRIBE: TabwriterOptions = { minwidth: 0, padding: 2 };

/** Aligns `\t`-separated cells; the last cell of each line is not padded, as in Go. */
export function formatTabbed(text: string, options: TabwriterOptions): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const out: string[] = new Array<string>(lines.length).fill('');
  const widths: number[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i] ?? [];
      let s = '';
      cells.forEach((cell, j) => {
        const width = widths[j];
        if (j < cells.length - 1 && width !== undefined)
          s += cell + ' '.repeat(Math.max(0, width - cell.length));
        else s += cell;
      });
      out[i] = s;
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= (lines[cur]?.length ?? 0) - 1) continue;
      writeLines(start, cur);
      start = cur;
      let width = options.minwidth;
      for (; cur < line1; cur++) {
        const cells = lines[cur] ?? [];
        if (column >= cells.length - 1) break;
        width = Math.max(width, (cells[column] ?? '').length + options.padding);
      }
      widths.push(width);
      format(start, cur);
      widths.pop();
      start = cur;
      cur--; // the for-loop's increment must not skip the line that ended the block
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}

/** Rows of cells -> a kubectl table, each line ending in a newline. */
export function formatTable(rows: string[][], options: TabwriterOptions = GET_TABLE): string {
  return formatTabbed(rows.map((r) => r.join('\t')).join('\n'), options) + '\n';
}
