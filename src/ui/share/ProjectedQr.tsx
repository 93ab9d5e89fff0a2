/**
 * The share dialog's QR code for the back of the room: the code as large as the screen allows, the
 * link in large type below, and a way back to the options.
 */
import { useTranslation } from 'react-i18next';
import { QrCode } from './QrCode.tsx';
import '../../i18n/laterTexts.ts';

/** The code's size in the dialog, and the least it is projected at. */
export const QR_SIZE = 360;

export function ProjectedQr({ link, onDone }: { link: string; onDone: () => void }) {
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
