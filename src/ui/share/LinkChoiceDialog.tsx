/**
 * Opened with a share link while this browser holds work of the user's own that differs: ask which
 * to show. Nothing is replaced until "Open the shared scenario" is pressed, and then the user's work
 * goes to the library first (if the library is full, the link is not opened); Esc keeps the work.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/react.ts';
import type { OpenedLink } from '../../store/shareLink.ts';
import { showNotice } from '../../store/viewActions.ts';
import { libraryKeeper } from '../autosave/libraryKeeper.ts';
import { openSharedLink } from './openSharedLink.ts';
import { useFocusTrap } from './useFocusTrap.ts';
import './share.css';
import '../../i18n/laterTexts.ts';

export function LinkChoiceDialog({ link }: { link: OpenedLink }) {
  const app = useApp();
  const { t } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement | null>(null);
  const [open, setOpen] = useState(true);
  useFocusTrap(ref);

  useEffect(() => {
    const dialog = ref.current;
    if (!open || !dialog || dialog.open) return;
    dialog.showModal();
    // The safe choice has the focus, so Enter never replaces work by accident.
    dialog.querySelector<HTMLButtonElement>('[data-testid="link-keep"]')?.focus();
  }, [open]);

  if (!open) return null;
  const choose = async (shared: boolean) => {
    setOpen(false);
    if (!shared) return showNotice(app.view, t('share.keptNotice'));
    const keep = await libraryKeeper(app, (_from, keptAt) =>
      t('share.entryBeforeLink', {
        time: new Date(keptAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
      }),
    );
    if (!keep(app.scenario.getState(), 'mine')) return showNotice(app.view, t('share.libraryFullNotice'));
    openSharedLink(app, link);
  };
  return (
    <dialog
      ref={ref}
      className="kp-dialog kp-share kp-link-choice"
      aria-labelledby={titleId}
      data-testid="link-choice"
      onCancel={(e) => {
        e.preventDefault();
        void choose(false);
      }}
    >
      <h2 id={titleId}>{t('share.choiceTitle')}</h2>
      <p>{t('share.choiceText')}</p>
      <div className="kp-row kp-link-choice-actions">
        <button
          type="button"
          className="kp-primary"
          onClick={() => void choose(true)}
          data-testid="link-open"
        >
          {t('share.choiceOpen')}
        </button>
        <button type="button" onClick={() => void choose(false)} data-testid="link-keep">
          {t('share.choiceKeep')}
        </button>
      </div>
    </dialog>
  );
}
