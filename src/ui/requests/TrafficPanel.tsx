/**
 * The traffic generator: N requests at a chosen rate from the chosen senders, with a histogram of
 * where they landed (random spread, ClientIP affinity, externalTrafficPolicy: Local at a glance).
 */
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useTraffic, useView } from '../../store/react.ts';
import { clearTraffic } from '../../store/trafficStore.ts';
import { TrafficHistogram } from './TrafficHistogram.tsx';
import { useRequestSources } from './useRequestSources.ts';
import '../../i18n/laterTexts.ts';

export function TrafficPanel() {
  const { t } = useTranslation();
  const app = useApp();
  const draft = useView((s) => s.draft);
  const sources = useRequestSources();
  const clients = sources.filter((s) => s.group === 'Outside the cluster');
  const [count, setCount] = useState(30);
  const [rate, setRate] = useState(10);
  const [allClients, setAllClients] = useState(false);
  const error = useTraffic((s) => s.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const from = allClients ? clients.map((c) => c.id) : [draft.from];
    const host = draft.host.trim();
    void app.sendTraffic({ from, url: draft.url, count, ratePerSecond: rate, ...(host ? { host } : {}) });
  };
  const addClient = () => {
    const names = new Set(clients.map((c) => c.id));
    let n = clients.length + 1;
    while (names.has(`client/laptop-${n}`)) n++;
    app.perform({ type: 'client', name: `laptop-${n}` });
  };

  return (
    <section className="kp-panel" aria-labelledby="kp-traffic-title">
      <h2 id="kp-traffic-title">{t('panels.traffic')}</h2>
      <form onSubmit={onSubmit} className="kp-traffic-form">
        <label className="kp-field">
          <span>{t('panels.requests')}</span>
          <input
            type="number"
            min={1}
            max={2000}
            value={count}
            onChange={(e) => setCount(Number(e.target.value))}
          />
        </label>
        <label className="kp-field">
          <span>{t('panels.perSecond')}</span>
          <input
            type="number"
            min={1}
            max={200}
            value={rate}
            onChange={(e) => setRate(Number(e.target.value))}
          />
        </label>
        <label className="kp-check">
          <input type="checkbox" checked={allClients} onChange={(e) => setAllClients(e.target.checked)} />
          {t('traffic.allClients', { count: clients.length })}
        </label>
        <div className="kp-row">
          <button type="submit" className="kp-primary" data-testid="traffic-send">
            {t('panels.sendCount', { count })}
          </button>
          <button type="button" onClick={addClient}>
            {t('panels.addClient')}
          </button>
          <button type="button" onClick={() => clearTraffic(app.traffic)}>
            {t('panels.resetCounters')}
          </button>
        </div>
      </form>
      <p className="kp-muted kp-small">
        {t(draft.host ? 'traffic.usesWithHost' : 'traffic.uses', {
          from: allClients ? t('traffic.everyClient') : draft.from,
        })}
      </p>
      {error && <p className="kp-error">{error}</p>}
      <TrafficHistogram />
    </section>
  );
}
