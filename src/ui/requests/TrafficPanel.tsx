/**
 * The traffic generator: N requests at a chosen rate from the chosen senders, with a histogram of
 * where they landed (random spread, ClientIP affinity, externalTrafficPolicy: Local at a glance).
 */
import { memo, useState } from 'react';
import type { CSSProperties, FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useTraffic, useView } from '../../store/react.ts';
import { clearTraffic } from '../../store/trafficStore.ts';
import { StaleTraceNote } from './StaleTraceNote.tsx';
import { useRequestSources } from './useRequestSources.ts';
import '../../i18n/laterTexts.ts';

/**
 * A target's name, cut in the middle when the column is too narrow: a Deployment's pods share their
 * whole head (`web-6944c4bd5f-`), so only the suffix tells their rows apart. CSS cuts the head and
 * keeps the suffix (no measuring: a crowd's histogram has hundreds of rows); the title has it all.
 */
function BarLabel({ name }: { name: string }) {
  const cut = name.lastIndexOf('-');
  if (cut <= 0) {
    return (
      <span className="kp-bar-label" title={name}>
        {name}
      </span>
    );
  }
  return (
    <span className="kp-bar-label kp-bar-label-split" title={name}>
      <span className="kp-bar-label-head">{name.slice(0, cut)}</span>
      <span className="kp-bar-label-tail">{name.slice(cut)}</span>
    </span>
  );
}

/**
 * One target's bar. Its width is its count over the figure's largest (CSS variables), so a batch of
 * arrivals re-renders only the rows whose count changed, not every row when the largest grows
 * (docs/performance.md#packets-in-flight).
 */
const BarRow = memo(function BarRow({ target, count }: { target: string; count: number }) {
  return (
    <div
      className="kp-bar-row"
      data-target={target}
      data-count={count}
      style={{ '--count': count } as CSSProperties}
    >
      <BarLabel name={target.replace(/^pod\/[^/]+\//, '')} />
      <span className="kp-bar" />
      <span className="kp-bar-count">{count}</span>
    </div>
  );
});

function Histogram() {
  const { t } = useTranslation();
  const byTarget = useTraffic((s) => s.batch?.byTarget);
  const entries = Object.entries(byTarget ?? {});
  const requested = useTraffic((s) => s.batch?.requested ?? 0);
  const arrived = useTraffic((s) => s.batch?.arrived ?? 0);
  if (!requested) return null;
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const sorted = [...entries].sort((a, b) => a[0].localeCompare(b[0]));
  return (
    <figure
      className="kp-histogram"
      data-testid="histogram"
      data-arrived={arrived}
      style={{ '--max-count': max } as CSSProperties}
    >
      <figcaption>
        {t('traffic.arrived', { arrived, requested })} <StaleTraceNote which="batch" />
      </figcaption>
      {sorted.map(([key, n]) => (
        <BarRow key={key} target={key} count={n} />
      ))}
    </figure>
  );
}

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
      <Histogram />
    </section>
  );
}
