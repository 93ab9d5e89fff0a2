/**
 * A link that could not be opened (damaged, cut short, made by a newer kubeplay, hostile): said plainly
 * over the page, with the reassurance that the person's own work is still there.
 */
import { useState } from 'react';
import './share.css';

export function LinkErrorAlert({ message }: { message: string }) {
  const [shown, setShown] = useState(true);
  if (!shown) return null;
  return (
    <div className="kp-link-error" role="alert" data-testid="link-error">
      <p>
        <strong>{message}</strong>
        <br />
        Nothing was replaced: your own work is as you left it. Ask for the link again, or copy all of it.
      </p>
      <button type="button" onClick={() => setShown(false)} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}
