/**
 * The embed variant, folded away under the link: which panels the embedded page shows beside the
 * graph (the terminal, the YAML), the embed link and the iframe snippet a course page pastes.
 */
import { useTranslation } from 'react-i18next';
import { CheckOption } from './CheckOption.tsx';
import { CopyRow } from './CopyRow.tsx';
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
        <CheckOption
          checked={embed.terminal}
          onChange={(terminal) => onEmbed({ ...embed, terminal })}
          testId="share-embed-terminal"
        >
          {t('share.embedTerminal')}
        </CheckOption>
        <CheckOption
          checked={embed.yaml}
          onChange={(yaml) => onEmbed({ ...embed, yaml })}
          testId="share-embed-yaml"
        >
          {t('share.embedYamlOption')}
        </CheckOption>
      </div>
      <label className="kp-share-field">
        <span>{t('share.embedLink')}</span>
        <CopyRow value={links.embedLink} onCopy={() => onCopy('embed')} testId="share-embed-url" />
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
