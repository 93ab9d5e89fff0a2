/**
 * The link as a QR code, drawn locally by the `qrcode` package into a PNG data URL (no network).
 * Error correction L keeps the modules large; 4 modules of quiet zone, as the QR spec asks.
 */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../i18n/laterTexts.ts';

type QrState = { text: string; src: string | null };

export function QrCode({ text, size }: { text: string; size: number }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<QrState | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'L', margin: 4, width: size })
      .then((src) => live && setQr({ text, src }))
      // Longer than a QR code holds (about 2,900 characters at level L): say so instead.
      .catch(() => live && setQr({ text, src: null }));
    return () => {
      live = false;
    };
  }, [text, size]);
  if (!qr || qr.text !== text)
    return <div className="kp-qr kp-qr-pending" style={{ width: size, height: size }} />;
  if (!qr.src) {
    return (
      <p className="kp-qr kp-qr-none" role="note">
        {t('share.qrTooLong')}
      </p>
    );
  }
  return (
    <img
      className="kp-qr"
      src={qr.src}
      width={size}
      height={size}
      alt={t('share.qrAlt')}
      data-testid="share-qr"
    />
  );
}
