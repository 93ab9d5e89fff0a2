/**
 * The share dialog: the link (copied at once, with a button to copy again), its QR code big enough to
 * scan from the back of a room (ProjectedQr), what the link carries (ShareCarries), and the embed
 * variant with an iframe snippet (ShareEmbed); the clipboard is useLinkCopy's. A native modal <dialog>:
 * the page behind it is inert (focus stays inside), Esc closes it.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScenario, useShallow, useView } from '../../store/react.ts';
import { getBrowserStorage } from '../browserStorage.ts';
import { CopyRow } from './CopyRow.tsx';
import { ProjectedQr, QR_SIZE } from './ProjectedQr.tsx';
import { QrCode } from './QrCode.tsx';
import { ShareCarries } from './ShareCarries.tsx';
import { ShareEmbed } from './ShareEmbed.tsx';
import { ShareReach } from './ShareReach.tsx';
import { reachOfUrl, readSavedPublicBase, savePublicBase } from './linkReach.ts';
import type { EmbedMode } from './embedMode.ts';
import { toShareLinks, toSharedScenario } from './shareLinks.ts';
import type { ShareOptions } from './shareLinks.ts';
import { useFocusTrap } from './useFocusTrap.ts';
import { useLinkCopy } from './useLinkCopy.ts';
import type { Copied } from './useLinkCopy.ts';
import './share.css';
import '../../i18n/laterTexts.ts';

function useShareLinks(options: ShareOptions, embed: EmbedMode, publicBase: string | null) {
  const scenario = useScenario((s) => s);
  const view = useView(
    useShallow((s) => ({
      positions: s.positions,
      selection: s.selection,
      draft: s.draft,
      lesson: s.lesson,
      customLesson: s.customLesson,
      narration: s.narration,
    })),
  );
  return useMemo(() => {
    // The public address the teacher set wins over the page's own (which students may not reach).
    const base = publicBase ?? pageAddress();
    return toShareLinks(base, toSharedScenario(scenario, view, options), embed);
  }, [scenario, view, options, embed, publicBase]);
}

function pageAddress(): string {
  return `${window.location.origin}${window.location.pathname}`;
}

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement | null>(null);
  const [options, setOptions] = useState<ShareOptions>({
    layout: true,
    request: true,
    lesson: true,
    narration: true,
  });
  const [projecting, setProjecting] = useState(false);
  const [embed, setEmbed] = useState<EmbedMode>({ terminal: false, yaml: false });
  const [publicBase, setPublicBase] = useState(() => readSavedPublicBase(getBrowserStorage()));
  const changePublicBase = (base: string | null) => {
    setPublicBase(base);
    savePublicBase(getBrowserStorage(), base);
  };
  const links = useShareLinks(options, embed, publicBase);
  useFocusTrap(ref);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first control (Close); the link is what a teacher wants selected.
    dialog?.querySelector<HTMLInputElement>('[data-testid="share-url"]')?.focus();
  }, []);
  // After showModal: the link is copied as the dialog opens.
  const { copied, copy } = useLinkCopy(links);

  const confirmation: Record<Exclude<Copied, null>, string> = {
    link: t('share.copiedLink'),
    embed: t('share.copiedEmbed'),
    iframe: t('share.copiedIframe'),
    failed: t('share.copyFailed'),
  };

  return (
    <dialog
      ref={ref}
      className="kp-dialog kp-share"
      aria-labelledby={titleId}
      data-testid="share-dialog"
      onClose={onClose}
    >
      <div className="kp-share-head">
        <h2 id={titleId}>{t('share.title')}</h2>
        <form method="dialog">
          <button type="submit" aria-label={t('share.close')}>
            ×
          </button>
        </form>
      </div>
      {projecting && <ProjectedQr link={links.link} onDone={() => setProjecting(false)} />}
      <div className="kp-share-body" hidden={projecting}>
        <div className="kp-share-qr-column">
          <div className="kp-share-qr">
            <QrCode text={links.link} size={QR_SIZE} />
          </div>
          <button type="button" onClick={() => setProjecting(true)} data-testid="share-qr-big">
            {t('share.qrFullScreen')}
          </button>
        </div>
        <div className="kp-share-fields">
          <ShareReach
            pageReach={reachOfUrl(pageAddress())}
            linkReach={reachOfUrl(links.link)}
            publicBase={publicBase}
            onPublicBase={changePublicBase}
          />
          <label className="kp-share-field">
            <span>
              {t('share.link')}{' '}
              <small data-testid="share-length">
                {t('share.length', { length: links.link.length.toLocaleString(i18n.language) })}
              </small>
            </span>
            <CopyRow
              value={links.link}
              onCopy={() => void copy('link')}
              testId="share-url"
              buttonTestId="share-copy"
            />
          </label>
          <p className="kp-share-confirm" role="status" data-testid="share-copied">
            {copied ? confirmation[copied] : ''}
          </p>
          <ShareCarries options={options} onOptions={setOptions} />
          <p className="kp-muted">{t('share.always')}</p>
          <ShareEmbed embed={embed} onEmbed={setEmbed} links={links} onCopy={(what) => void copy(what)} />
        </div>
      </div>
    </dialog>
  );
}
