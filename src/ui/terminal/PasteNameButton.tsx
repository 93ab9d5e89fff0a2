/**
 * "Paste name to terminal": the inspector shows it for a pod, Service, node or Ingress, so a teacher
 * can click a pod in the graph and type `kubectl exec ` + its name without spelling kubia-65mtj.
 * Kept out of the terminal's lazy chunk: it only posts to the terminal's mailbox.
 */
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/react.ts';
import { showTerminal } from '../../store/viewStore.ts';
import { pasteToTerminal } from './terminalInbox.ts';
import '../../i18n/laterTexts.ts';

/** The name kubectl knows an object by, from its graph id (`pod/default/kubia-65mtj` -> `kubia-65mtj`). */
export function getTerminalName(graphId: string): string | null {
  const parts = graphId.split('/');
  const [kind] = parts;
  if (kind === 'node' && parts.length === 2) return parts[1] ?? null;
  if ((kind === 'pod' || kind === 'svc' || kind === 'ing') && parts.length === 3) return parts[2] ?? null;
  return null;
}

export function PasteNameButton({ graphId }: { graphId: string }) {
  const app = useApp();
  const { t } = useTranslation();
  const name = getTerminalName(graphId);
  if (!name) return null;
  return (
    <button
      type="button"
      data-testid="paste-to-terminal"
      title={t('terminalUi.pasteNameTitle')}
      onClick={() => {
        showTerminal(app.view);
        pasteToTerminal(name);
      }}
    >
      {t('terminalUi.pasteName')}
    </button>
  );
}
