/**
 * Above the link: who can open it. Served from this machine (`npm start`) or a private address, the
 * dialog says so and offers a field for the public address the link and its QR code should use
 * (e.g. the school server, or `http://192.168.1.20:5173/` for the class's Wi-Fi), remembered per browser.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkReach } from './linkReach.ts';
import { parsePublicBase } from './linkReach.ts';
import '../../i18n/laterTexts.ts';

export function ShareReach({
  pageReach,
  linkReach,
  publicBase,
  onPublicBase,
}: {
  /** Who can open the page's own address. */
  pageReach: LinkReach;
  /** Who can open the link as it is now made (the public address, when one is set). */
  linkReach: LinkReach;
  publicBase: string | null;
  onPublicBase: (base: string | null) => void;
}) {
  const { t } = useTranslation();
  const fieldId = useId();
  const hintId = useId();
  const [typed, setTyped] = useState(publicBase ?? '');
  const [invalid, setInvalid] = useState(false);
  if (pageReach === 'anywhere' && publicBase === null) return null;
  const apply = () => {
    if (!typed.trim()) {
      setInvalid(false);
      onPublicBase(null);
      return;
    }
    const parsed = parsePublicBase(typed);
    setInvalid(!parsed.ok);
    if (parsed.ok) {
      setTyped(parsed.base);
      onPublicBase(parsed.base);
    }
  };
  const message =
    linkReach === 'this-machine'
      ? t('share.reachMachine')
      : linkReach === 'this-network'
        ? t('share.reachNetwork')
        : t('share.reachAnywhere');
  return (
    <div
      className={`kp-share-reach kp-share-reach-${linkReach}`}
      data-testid="share-reach"
      data-reach={linkReach}
    >
      <p className="kp-share-reach-message" role="status" data-testid="share-reach-message">
        {message}
      </p>
      {/* noValidate: a bare `192.168.1.20:5173` is fine here (http:// is assumed), whatever type=url thinks. */}
      <form
        className="kp-share-copy-row"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          apply();
        }}
      >
        <label htmlFor={fieldId} className="kp-share-reach-label">
          {t('share.publicAddress')}
        </label>
        <input
          id={fieldId}
          type="url"
          inputMode="url"
          spellCheck={false}
          placeholder="https://kubeplay.school.example/"
          value={typed}
          aria-invalid={invalid}
          aria-describedby={hintId}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="share-base"
        />
        <button type="submit" data-testid="share-base-use">
          {t('share.publicAddressUse')}
        </button>
        {publicBase !== null && (
          <button
            type="button"
            onClick={() => {
              setTyped('');
              setInvalid(false);
              onPublicBase(null);
            }}
            data-testid="share-base-clear"
          >
            {t('share.publicAddressClear')}
          </button>
        )}
      </form>
      <p id={hintId} className={invalid ? 'kp-share-reach-error' : 'kp-muted kp-small'}>
        {invalid ? t('share.publicAddressInvalid') : t('share.publicAddressHint')}
      </p>
    </div>
  );
}
