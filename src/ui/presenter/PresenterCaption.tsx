/**
 * The caption bar of presenter mode: the focused request's current hop in big letters (hop number,
 * kind, src → dst, and the hop told plainly or in detail, as the narration switch says), and the
 * outcome once the packet has arrived. It only shows what the Trace says; no Kubernetes logic here.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { readHops } from '../../engine/index.ts';
import { useTraffic, useView } from '../../store/react.ts';
import { HopText } from '../narration/HopText.tsx';
import { NarrationSwitch } from '../narration/NarrationSwitch.tsx';
import { StaleTraceNote } from '../requests/StaleTraceNote.tsx';
import './presenter.css';

/**
 * The caption lies over the graph's bottom edge; the graph keeps its whole pane but fits its cards
 * above the caption (presenter.css pads the pane by `--kp-caption-room`), so no pod hides behind it.
 */
function useCaptionRoom() {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    const caption = ref.current;
    const stage = caption?.closest<HTMLElement>('.kp-stage');
    if (!caption || !stage) return;
    const observer = new ResizeObserver(() =>
      stage.style.setProperty('--kp-caption-room', `${Math.ceil(caption.offsetHeight) + 12}px`),
    );
    observer.observe(caption);
    return () => {
      observer.disconnect();
      stage.style.removeProperty('--kp-caption-room');
    };
  }, []);
  return ref;
}

export function PresenterCaption() {
  const { t } = useTranslation();
  const ref = useCaptionRoom();
  const trace = useTraffic((s) => s.focused?.trace);
  const landed = useTraffic((s) => s.focusedLanded);
  const reached = useTraffic((s) => s.focusedHop);
  const stepMode = useView((s) => s.stepMode);
  const stepHop = useView((s) => s.stepHop);
  const narration = useView((s) => s.narration);
  const hops = trace ? readHops(trace) : [];
  if (!trace || hops.length === 0) {
    return (
      <section
        ref={ref}
        className="kp-caption"
        aria-label={t('presenter.caption')}
        data-testid="presenter-caption"
      >
        <p className="kp-caption-note">{t('presenter.idle')}</p>
      </section>
    );
  }
  const count = hops.length;
  // Step mode shows the hop the teacher stepped to; stepHop == count means "walked past the end".
  const arrived = stepMode ? stepHop >= count : landed;
  const index = Math.min(count - 1, stepMode ? stepHop : arrived ? count - 1 : reached);
  const hop = hops[index];
  return (
    <section
      ref={ref}
      className="kp-caption"
      aria-label={t('presenter.caption')}
      data-testid="presenter-caption"
      data-hop={index + 1}
    >
      {hop && (
        <>
          <p className="kp-caption-head">
            <span data-testid="caption-hop">{t('presenter.hopOf', { hop: index + 1, count })}</span>
            <span className="kp-caption-kind">{hop.kind}</span>
            <span className="kp-mono">
              {hop.src} → {hop.dst}
            </span>
          </p>
          <HopText hop={hop} level={narration} noteClass="kp-caption-note" testId="caption-note" as="p" />
        </>
      )}
      {arrived && (
        <p className={`kp-caption-outcome kp-outcome-${trace.outcome}`} data-testid="caption-outcome">
          {t('presenter.outcome', { outcome: trace.outcome })}
          {trace.status !== undefined && <> · HTTP {trace.status}</>}
          {trace.endpoint?.pod && <> · {trace.endpoint.pod}</>}
          <StaleTraceNote which="focused" />
        </p>
      )}
      <div className="kp-caption-foot">
        <p className="kp-caption-keys">{t('presenter.keys')}</p>
        <NarrationSwitch where="caption" />
      </div>
    </section>
  );
}
