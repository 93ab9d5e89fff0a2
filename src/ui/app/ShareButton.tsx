/** Makes the share link for what is on screen and copies it (or shows it when copying is not allowed). */
import { useState } from 'react';
import { useApp } from '../../store/react.ts';

export function ShareButton() {
  const app = useApp();
  const [link, setLink] = useState<string | null>(null);
  const share = async () => {
    const url = `${window.location.origin}${window.location.pathname}#${app.shareLink()}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      app.view.setState({ notice: 'Link copied.' });
    } catch {
      app.view.setState({ notice: 'Copy the link from the box.' });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void share()} data-testid="share">
        Share link
      </button>
      {link && (
        <input
          className="kp-share-link"
          readOnly
          value={link}
          aria-label="Share link"
          onFocus={(e) => e.currentTarget.select()}
          onBlur={() => setLink(null)}
        />
      )}
    </>
  );
}
