/**
 * The Export menu's open list, loaded the first time the menu opens (the first page does not need it):
 * the items by group, keyboard moves in the WAI-ARIA menu pattern, and what each item downloads.
 */
import { useEffect, useRef } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/react.ts';
import { downloadFile } from './downloadFile.ts';

type ExportKind = 'manifests' | 'kindConfig' | 'svg' | 'png';

const ITEMS: { kind: ExportKind; group: 'forCluster' | 'forSlides' }[] = [
  { kind: 'manifests', group: 'forCluster' },
  { kind: 'kindConfig', group: 'forCluster' },
  { kind: 'svg', group: 'forSlides' },
  { kind: 'png', group: 'forSlides' },
];

export interface ExportMenuItemsProps {
  /** The menu's button: a click on it is not a click outside. */
  button: RefObject<HTMLButtonElement | null>;
  /** Closes the menu; `refocus`: focus goes back to the button (keyboard, an item chosen). */
  close: (refocus: boolean) => void;
  onError: (message: string | null) => void;
}

export function ExportMenuItems({ button, close, onError }: ExportMenuItemsProps) {
  const app = useApp();
  const { t } = useTranslation();
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const closeOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [button, close]);

  async function run(kind: ExportKind) {
    close(true);
    onError(null);
    try {
      if (kind === 'svg' || kind === 'png') {
        // The exporter loads on first use: it stays out of the page's initial JavaScript.
        const { downloadGraphImage } = await import('../graph/export/index.ts');
        await downloadGraphImage(kind, app.fileBaseName());
        return;
      }
      const files = await app.exportFiles();
      if (!files.ok) {
        onError(files.message);
        return;
      }
      if (kind === 'manifests') downloadFile(files.manifestsFile, files.manifests);
      else downloadFile(files.kindConfigFile, files.kindConfig);
    } catch (failure) {
      onError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const focus = (index: number) => items[(index + items.length) % items.length]?.focus();
    if (event.key === 'Escape' || event.key === 'Tab') close(true);
    else if (event.key === 'ArrowDown') focus(at + 1);
    else if (event.key === 'ArrowUp') focus(at - 1);
    else if (event.key === 'Home') focus(0);
    else if (event.key === 'End') focus(items.length - 1);
    else return;
    event.preventDefault();
  };

  return (
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
  );
}
