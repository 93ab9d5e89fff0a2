/** Opens the share dialog (src/ui/share): the link, copied at once, its QR code and the embed snippet. */
import { useState } from 'react';
import { ShareDialog } from '../share/ShareDialog.tsx';

export function ShareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} data-testid="share" aria-haspopup="dialog">
        Share
      </button>
      {open && <ShareDialog onClose={() => setOpen(false)} />}
    </>
  );
}
