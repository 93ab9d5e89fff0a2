/** `kubeplay check FILE… [--json]`: every diagnostic the playground would show, parse and control plane. */
import { createSimulation } from '../../engine/index.ts';
import type { SourceFile } from '../../engine/index.ts';
import { formatDiagnostic, hasError, toJsonDiagnostic } from '../formatDiagnostic.ts';
import { EXIT_INVALID, EXIT_OK } from '../io.ts';
import type { CliIo } from '../io.ts';

export function runCheck(files: SourceFile[], json: boolean, io: CliIo): number {
  const { diagnostics } = createSimulation({ files });
  if (json) io.stdout.write(JSON.stringify(diagnostics.map(toJsonDiagnostic), null, 2) + '\n');
  else for (const d of diagnostics) io.stdout.write(formatDiagnostic(d) + '\n');
  return hasError(diagnostics) ? EXIT_INVALID : EXIT_OK;
}
