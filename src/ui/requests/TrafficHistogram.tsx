/**
 * Where a batch of requests landed: a bar per target, or for a crowd over hundreds of pods the most-hit
 * pods and one line for the rest (histogramRows.ts says which).
 */
import { memo } from 'react';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useTraffic } from '../../store/react.ts';
import { histogramRows } from './histogramRows.ts';
import { StaleTraceNote } from './StaleTraceNote.tsx';
import '../../i18n/laterTexts.ts';

/**
 * A target's name, cut in the middle when the column is too narrow: a Deployment's pods share their
 * whole head (`web-6944c4bd5f-`), so only the suffix tells their rows apart. CSS cuts the head and
 * keeps the suffix (no measuring: the rows are drawn again at each landing); the title has it all.
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

export function TrafficHistogram() {
  const { t } = useTranslation();
  const byTarget = useTraffic((s) => s.batch?.shown);
  const requested = useTraffic((s) => s.batch?.requested ?? 0);
  const arrived = useTraffic((s) => s.batch?.arrived ?? 0);
  if (!requested) return null;
  const { rows, rest, max } = histogramRows(byTarget ?? {});
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
      {rows.map(({ target, count }) => (
        <BarRow key={target} target={target} count={count} />
      ))}
      {rest && (
        <p
          className="kp-bar-rest"
          data-testid="histogram-rest"
          data-pods={rest.pods}
          data-requests={rest.requests}
        >
          {t('traffic.rest', {
            pods: t('traffic.restPods', { count: rest.pods }),
            requests: t('traffic.restRequests', { count: rest.requests }),
          })}
        </p>
      )}
    </figure>
  );
}
