/**
 * The scenario's YAML for an embed: numbered lines to read from a slide, nothing to edit. Plain text
 * (no Monaco) so an iframe stays light; comments are dimmed as an editor would.
 */
import { useTranslation } from 'react-i18next';
import { useScenario } from '../../store/react.ts';
import '../../i18n/laterTexts.ts';

export function ReadOnlyYaml() {
  const { t } = useTranslation();
  const yaml = useScenario((s) => s.yaml);
  const lines = yaml.replace(/\n$/, '').split('\n');
  return (
    <section className="kp-embed-yaml" aria-label={t('share.embedYaml')} data-testid="embed-yaml">
      <pre className="kp-mono" tabIndex={0}>
        {lines.map((line, index) => (
          <span key={index} className="kp-embed-yaml-line">
            <span className="kp-embed-yaml-number" aria-hidden="true">
              {index + 1}
            </span>
            <span className={/^\s*#/.test(line) ? 'kp-embed-yaml-comment' : undefined}>{line}</span>
            {'\n'}
          </span>
        ))}
      </pre>
    </section>
  );
}
