/**
 * The share dialog's clipboard: the link is copied as the dialog opens and again whenever the options
 * change it (a teacher pastes it without another click); the copy buttons copy one text each; the
 * status line says what was copied last, or that the browser refused.
 */
import { useEffect, useState } from 'react';
import type { ShareLinks } from './shareLinks.ts';

export type CopyTarget = 'link' | 'embed' | 'iframe';
export type Copied = CopyTarget | 'failed' | null;

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function useLinkCopy(links: ShareLinks): {
  copied: Copied;
  copy: (what: CopyTarget) => Promise<void>;
} {
  const [copied, setCopied] = useState<Copied>(null);

  useEffect(() => {
    let live = true;
    void copyText(links.link).then((ok) => live && setCopied(ok ? 'link' : 'failed'));
    return () => {
      live = false;
    };
  }, [links.link]);

  const copy = async (what: CopyTarget) => {
    const text = what === 'link' ? links.link : what === 'embed' ? links.embedLink : links.iframe;
    setCopied((await copyText(text)) ? what : 'failed');
  };
  return { copied, copy };
}
