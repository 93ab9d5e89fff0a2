/**
 * The embed variant, folded away under the link: which panels the embedded page shows beside the
 * graph (the terminal, the YAML), the embed link and the iframe snippet a course page pastes.
 */
import { useTranslation } from 'react-i18next';
import type { EmbedMode } from './embedMode.ts';
import type { ShareLinks } from './shareLinks.ts';
import type { CopyTarget } from './useLinkCopy.ts';
import '../../i18n/laterTexts.ts';

export function ShareEmbed({
  embed,
  onEmbed,
  links,
  onCopy,
}: {
  embed: EmbedMode;
  onEmbed: (embed: EmbedMode) => void;
  links: ShareLinks;
  onCopy: (what: CopyTarget) => void;
}) {
  const { t } = useTranslation();
  return (
    <details className="kp-share-embed">
      <summary>{t('share.embedSummary')}</summary>
      <div className="kp-row" role="group" aria-label={t('share.embedWith')}>
        <label className="kp-check">
          <input
            type="checkbox"
            checked={embed.terminal}
            onChange={(e) => onEmbed({ ...embed, terminal: e.target.checked })}
            data-testid="share-embed-terminal"
          />
          {t('share.embedTerminal')}
        </label>
        <label className="kp-check">
          <input
            type="checkbox"
            checked={embed.yaml}
            onChange={(e) => onEmbed({ ...embed, yaml: e.target.checked })}
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
          <button type="button" onClick={() => onCopy('embed')}>
            {t('share.copy')}
          </button>
        </span>
      </label>
      <label className="kp-share-field">
        <span>iframe</span>
        <span className="kp-share-copy-row">
          <textarea readOnly rows={3} value={links.iframe} data-testid="share-iframe" />
          <button type="button" onClick={() => onCopy('iframe')}>
            {t('share.copy')}
          </button>
        </span>
      </label>
    </details>
  );
}
