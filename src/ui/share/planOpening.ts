/**
 * How the page starts, from its address: the link codec (deflate, lz-string, the restore checks) is
 * loaded only when the address carries a fragment, so a plain visit does not pay for it.
 */
import { getEmbedMode } from './embedMode.ts';
import type { LinkOpeningInput, LinkOpeningPlan } from './linkOpening.ts';

/** The plan when there is no link: embed mode from the query alone, the autosave as usual. */
export function planWithoutLink(search: string): LinkOpeningPlan {
  const embed = getEmbedMode(search, false);
  return { embed, linkEmbed: false, autosave: embed === null, open: null, ask: null, error: null };
}

export async function planOpening(input: LinkOpeningInput): Promise<LinkOpeningPlan> {
  if (input.hash.replace(/^#/, '') === '') return planWithoutLink(input.search);
  const { planLinkOpening } = await import('./linkOpening.ts');
  return planLinkOpening(input);
}
