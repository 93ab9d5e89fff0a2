/**
 * The share dialog: the link (copied at once, with a button to copy again), its QR code big enough to
 * scan from the back of a room, what the link carries, and the embed variant with an iframe snippet.
 * A native modal <dialog>: the page behind it is inert (focus stays inside), Esc closes it.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScenario, useShallow, useView } from '../../store/react.ts';
import { getBrowserStorage } from '../browserStorage.ts';
import { QrCode } from './QrCode.tsx';
import { ShareReach } from './ShareReach.tsx';
import { reachOfUrl, readSavedPublicBase, savePublicBase } from './linkReach.ts';
import type { EmbedMode } from './embedMode.ts';
import { toShareLinks, toSharedScenario } from './shareLinks.ts';
import type { ShareOptions } from './shareLinks.ts';
import { useFocusTrap } from './useFocusTrap.ts';
import './share.css';
import '../../i18n/laterTexts.ts';

const QR_SIZE = 360;

type Copied = 'link' | 'embed' | 'iframe' | 'failed' | null;

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

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

/** For the back of the room: the code as large as the screen allows, the link in large type below. */
function ProjectedQr({ link, onDone }: { link: string; onDone: () => void }) {
  const { t } = useTranslation();
  const size = Math.max(QR_SIZE, Math.floor(Math.min(window.innerWidth * 0.85, window.innerHeight * 0.64)));
  return (
    <div className="kp-share-projected" data-testid="share-projected">
      <div className="kp-share-qr">
        <QrCode text={link} size={size} />
      </div>
      <p className="kp-share-projected-link">{link}</p>
      <button type="button" onClick={onDone} autoFocus>
        {t('share.backToOptions')}
      </button>
    </div>
  );
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
  const [copied, setCopied] = useState<Copied>(null);
  const [projecting, setProjecting] = useState(false);
  const [embed, setEmbed] = useState<EmbedMode>({ terminal: false, yaml: false });
  const [publicBase, setPublicBase] = useState(() => readSavedPublicBase(getBrowserStorage()));
  const changePublicBase = (base: string | null) => {
    setPublicBase(base);
    savePublicBase(getBrowserStorage(), base);
  };
  const links = useShareLinks(options, embed, publicBase);
  const detailed = useView((s) => s.narration === 'details');
  const hasLayout = useView((s) => Object.keys(s.positions).length > 0);
  const lessonStep = useView((s) => (s.lesson && !s.lesson.finished ? s.lesson.step + 1 : null));
  useFocusTrap(ref);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // showModal focuses the first control (Close); the link is what a teacher wants selected.
    dialog?.querySelector<HTMLInputElement>('[data-testid="share-url"]')?.focus();
  }, []);

  // The link is copied as the dialog opens, and again whenever the options change it.
  useEffect(() => {
    let live = true;
    void copyText(links.link).then((ok) => live && setCopied(ok ? 'link' : 'failed'));
    return () => {
      live = false;
    };
  }, [links.link]);

  const copy = async (what: 'link' | 'embed' | 'iframe') => {
    const text = what === 'link' ? links.link : what === 'embed' ? links.embedLink : links.iframe;
    setCopied((await copyText(text)) ? what : 'failed');
  };

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
            <span className="kp-share-copy-row">
              <input
                readOnly
                value={links.link}
                data-testid="share-url"
                onFocus={(e) => e.currentTarget.select()}
              />
              <button type="button" onClick={() => void copy('link')} data-testid="share-copy">
                {t('share.copy')}
              </button>
            </span>
          </label>
          <p className="kp-share-confirm" role="status" data-testid="share-copied">
            {copied ? confirmation[copied] : ''}
          </p>
          <fieldset className="kp-share-options">
            <legend>{t('share.carries')}</legend>
            <label className="kp-check">
              <input
                type="checkbox"
                checked={options.layout && hasLayout}
                disabled={!hasLayout}
                onChange={(e) => setOptions({ ...options, layout: e.target.checked })}
              />
              {hasLayout ? t('share.layout') : t('share.layoutNone')}
            </label>
            <label className="kp-check">
              <input
                type="checkbox"
                checked={options.request}
                onChange={(e) => setOptions({ ...options, request: e.target.checked })}
              />
              {t('share.request')}
            </label>
            {lessonStep !== null && (
              <label className="kp-check">
                <input
                  type="checkbox"
                  checked={options.lesson ?? false}
                  onChange={(e) => setOptions({ ...options, lesson: e.target.checked })}
                  data-testid="share-lesson"
                />
                {t('share.lesson', { step: lessonStep })}
              </label>
            )}
            {detailed && (
              <label className="kp-check">
                <input
                  type="checkbox"
                  checked={options.narration ?? false}
                  onChange={(e) => setOptions({ ...options, narration: e.target.checked })}
                  data-testid="share-narration"
                />
                {t('share.narrationDetails')}
              </label>
            )}
          </fieldset>
          <p className="kp-muted">{t('share.always')}</p>
          <details className="kp-share-embed">
            <summary>{t('share.embedSummary')}</summary>
            <div className="kp-row" role="group" aria-label={t('share.embedWith')}>
              <label className="kp-check">
                <input
                  type="checkbox"
                  checked={embed.terminal}
                  onChange={(e) => setEmbed({ ...embed, terminal: e.target.checked })}
                  data-testid="share-embed-terminal"
                />
                {t('share.embedTerminal')}
              </label>
              <label className="kp-check">
                <input
                  type="checkbox"
                  checked={embed.yaml}
                  onChange={(e) => setEmbed({ ...embed, yaml: e.target.checked })}
                  data-testid="share-embed-yaml"
                />
                {t('share.embedYamlOption')}
              </label>
            </div>
            <label className="kp-share-field">
              <span>{t('share.embedLink')}</span>
              <span className="kp-share-copy-row">
                <input
                  readOnly
                  value={links.embedLink}
                  data-testid="share-embed-url"
                  onFocus={(e) => e.currentTarget.select()}
                />
                <button type="button" onClick={() => void copy('embed')}>
                  {t('share.copy')}
                </button>
              </span>
            </label>
            <label className="kp-share-field">
              <span>iframe</span>
              <span className="kp-share-copy-row">
                <textarea readOnly rows={3} value={links.iframe} data-testid="share-iframe" />
                <button type="button" onClick={() => void copy('iframe')}>
                  {t('share.copy')}
                </button>
              </span>
            </label>
          </details>
        </div>
      </div>
    </dialog>
  );
}
