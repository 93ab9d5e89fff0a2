import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useView } from '../../store/react.ts';
import { closeHelp } from '../../store/viewActions.ts';

const HELP_ITEMS = ['edit', 'send', 'step', 'inspect', 'traffic', 'layout', 'lessons'] as const;

export function HelpDialog() {
  const app = useApp();
  const { t } = useTranslation();
  const open = useView((s) => s.helpOpen);
  const ref = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="kp-dialog kp-help"
      aria-labelledby="kp-help-title"
      onClose={() => closeHelp(app.view)}
    >
      <h2 id="kp-help-title">{t('help.title')}</h2>
      <ul>
        {HELP_ITEMS.map((key) => (
          <li key={key}>{t(`help.${key}`)}</li>
        ))}
      </ul>
      <form method="dialog">
        <button type="submit" autoFocus>
          {t('help.close')}
        </button>
      </form>
    </dialog>
  );
}
