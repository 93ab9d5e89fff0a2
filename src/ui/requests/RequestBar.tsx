/**
 * The request bar: who sends, which URL (with suggestions drawn from the cluster), an optional Host
 * header. Enter sends. The engine routes it; the packet layer animates the Trace.
 */
import { useMemo } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestSpec } from '../../engine/index.ts';
import { getUrlSuggestions } from '../../store/derive/urlSuggestions.ts';
import { useApp, useSimulation, useView } from '../../store/react.ts';
import { setDraft } from '../../store/viewStore.ts';
import type { RequestDraft } from '../../store/viewStore.ts';
import { useRequestSources } from './useRequestSources.ts';
import { useUnresolvedHost } from './useUnresolvedHost.ts';

export function toRequestSpec(draft: RequestDraft): RequestSpec {
  const host = draft.host.trim();
  return { from: draft.from, url: draft.url.trim(), ...(host ? { headers: { Host: host } } : {}) };
}

export function RequestBar() {
  const app = useApp();
  const { t } = useTranslation();
  const draft = useView((s) => s.draft);
  const state = useSimulation((s) => s.sim?.state);
  const sources = useRequestSources();
  const suggestions = useMemo(() => (state ? getUrlSuggestions(state) : []), [state]);
  const unresolved = useUnresolvedHost(state, draft.from, draft.url);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (draft.url.trim()) void app.sendRequest(toRequestSpec(draft));
  };

  const grouped = (group: string) => sources.filter((s) => s.group === group);
  return (
    <form className="kp-requestbar" onSubmit={onSubmit} aria-label={t('requestBar.label')}>
      <label className="kp-field">
        <span>{t('requestBar.from')}</span>
        <select
          value={draft.from}
          onChange={(e) => setDraft(app.view, { from: e.target.value })}
          data-testid="request-from"
        >
          {['Outside the cluster', 'Pods'].map((g) => (
            <optgroup key={g} label={g === 'Pods' ? t('requestBar.pods') : t('requestBar.outside')}>
              {grouped(g).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      <label className="kp-field kp-grow">
        <span>{t('requestBar.url')}</span>
        <input
          type="text"
          list="kp-url-suggestions"
          value={draft.url}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setDraft(app.view, { url: e.target.value })}
          data-testid="request-url"
          aria-describedby={unresolved ? 'kp-url-unresolved' : undefined}
        />
        {unresolved && (
          <small
            id="kp-url-unresolved"
            className="kp-warn"
            role="status"
            data-testid="request-url-unresolved"
          >
            {t('requestBar.unresolved', { host: unresolved })}
          </small>
        )}
        <datalist id="kp-url-suggestions">
          {suggestions.map((s) => (
            <option key={s.url} value={s.url}>
              {s.hint}
            </option>
          ))}
        </datalist>
      </label>
      <label className="kp-field">
        <span>{t('requestBar.host')}</span>
        <input
          type="text"
          placeholder={t('requestBar.optional')}
          value={draft.host}
          spellCheck={false}
          size={18}
          onChange={(e) => setDraft(app.view, { host: e.target.value })}
          data-testid="request-host"
        />
      </label>
      <button type="submit" className="kp-primary" data-testid="request-send">
        {t('requestBar.sendButton')}
      </button>
    </form>
  );
}
