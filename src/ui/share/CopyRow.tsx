/**
 * A text the share dialog offers to copy: read-only, selected whole when focused (so Ctrl-C copies it
 * too), with a button that copies it.
 */
import { useTranslation } from 'react-i18next';
import '../../i18n/laterTexts.ts';

export function CopyRow({
  value,
  onCopy,
  testId,
  buttonTestId,
}: {
  value: string;
  onCopy: () => void;
  testId: string;
  buttonTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <span className="kp-share-copy-row">
      <input readOnly value={value} data-testid={testId} onFocus={(e) => e.currentTarget.select()} />
      <button type="button" onClick={onCopy} data-testid={buttonTestId}>
        {t('share.copy')}
      </button>
    </span>
  );
}
