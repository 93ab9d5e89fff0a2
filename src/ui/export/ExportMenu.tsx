/**
 * The header's Export menu: the scenario as files for a real cluster (manifests for `kubectl apply -f`,
 * the kind config for `kind create cluster --config`, both made by the engine) and the graph as SVG
 * or PNG for slides. A menu button in the WAI-ARIA pattern: arrows move, Escape closes, focus returns.
 */
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/react.ts';
import { downloadFile } from './downloadFile.ts';
import './exportMenu.css';

type ExportKind = 'manifests' | 'kindConfig' | 'svg' | 'png';

const ITEMS: { kind: ExportKind; group: 'forCluster' | 'forSlides' }[] = [
  { kind: 'manifests', group: 'forCluster' },
  { kind: 'kindConfig', group: 'forCluster' },
  { kind: 'svg', group: 'forSlides' },
  { kind: 'png', group: 'forSlides' },
];

export function ExportMenu() {
  const app = useApp();
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  async function run(kind: ExportKind) {
    close();
    setError(null);
    try {
      if (kind === 'svg' || kind === 'png') {
        // The exporter loads on first use: it stays out of the page's initial JavaScript.
        const { downloadGraphImage } = await import('../graph/export/index.ts');
        await downloadGraphImage(kind, app.fileBaseName());
        return;
      }
      const files = await app.exportFiles();
      if (!files.ok) {
        setError(files.message);
        return;
      }
      if (kind === 'manifests') downloadFile(files.manifestsFile, files.manifests);
      else downloadFile(files.kindConfigFile, files.kindConfig);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const focus = (index: number) => items[(index + items.length) % items.length]?.focus();
    if (event.key === 'Escape' || event.key === 'Tab') close();
    else if (event.key === 'ArrowDown') focus(at + 1);
    else if (event.key === 'ArrowUp') focus(at - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(items.length - 1);
    else return;
    event.preventDefault();
  };

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
        <div
          ref={menu}
          id="kp-export-menu"
          className="kp-menu"
          role="menu"
          aria-label={t('export.button')}
          onKeyDown={onMenuKey}
        >
          {ITEMS.map((item, index) => (
            <div key={item.kind} role="none">
              {ITEMS[index - 1]?.group !== item.group && (
                <p className="kp-menu-group" role="presentation">
                  {t(`export.${item.group}`)}
                </p>
              )}
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => void run(item.kind)}
                data-testid={`export-${item.kind === 'kindConfig' ? 'kind' : item.kind}`}
              >
                {t(`export.${item.kind}`)}
              </button>
            </div>
          ))}
        </div>
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
