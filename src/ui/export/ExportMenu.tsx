/**
 * The header's Export menu: the scenario as files for a real cluster (manifests for `kubectl apply -f`,
 * the kind config for `kind create cluster --config`, both made by the engine) and the graph as SVG
 * or PNG for slides. A menu button in the WAI-ARIA pattern: arrows move, Escape closes, focus returns.
 * The open list is its own chunk (ExportMenuItems.tsx), loaded when the menu first opens.
 */
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './exportMenu.css';

const ExportMenuItems = lazy(async () => ({
  default: (await import('./ExportMenuItems.tsx')).ExportMenuItems,
}));

export function ExportMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback((refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  }, []);

  return (
    <div className="kp-menu-anchor">
      <button
        ref={button}
        type="button"
        title={t('export.title')}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'kp-export-menu' : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
          }
        }}
        data-testid="export-button"
      >
        {t('export.button')} ▾
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportMenuItems button={button} close={close} onError={setError} />
        </Suspense>
      )}
      {error && (
        <p className="kp-menu-error" role="alert" data-testid="export-error">
          {t('export.failed', { message: error })}{' '}
          <button type="button" onClick={() => setError(null)} aria-label={t('header.dismiss')}>
            ×
          </button>
        </p>
      )}
    </div>
  );
}
