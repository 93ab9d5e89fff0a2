/**
 * The two controls every panel of the stage has in its frame: the splitter that resizes it (one of the
 * sizes the layout remembers, within its limits) and the × that closes a side panel.
 */
import { useApp, useView } from '../../store/react.ts';
import { closePanel, resizePanel, type PanelSize, type SidePanel } from '../../store/viewStore.ts';
import { SIZE_LIMITS } from './layoutMemory.ts';
import { Resizer, type ResizerProps } from './Resizer.tsx';

interface PanelResizerProps extends Pick<ResizerProps, 'label' | 'grows' | 'testId'> {
  size: PanelSize;
}

export function PanelResizer({ size, label, grows, testId }: PanelResizerProps) {
  const app = useApp();
  const value = useView((s) => s[size]);
  const { min, max } = SIZE_LIMITS[size];
  return (
    <Resizer
      orientation={size === 'bottomHeight' ? 'horizontal' : 'vertical'}
      label={label}
      value={value}
      min={min}
      max={max}
      grows={grows}
      onResize={(v) => resizePanel(app.view, size, v)}
      testId={testId}
    />
  );
}

export function ClosePanelButton({ panel, label }: { panel: SidePanel; label: string }) {
  const app = useApp();
  return (
    <button
      type="button"
      className="kp-close"
      onClick={() => closePanel(app.view, panel)}
      aria-label={label}
      title={label}
    >
      ×
    </button>
  );
}
