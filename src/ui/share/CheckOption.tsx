/** One of the share dialog's choices: a checkbox with its label, as the page's other `kp-check`s. */
import type { ReactNode } from 'react';

export function CheckOption({
  checked,
  onChange,
  disabled,
  testId,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <label className="kp-check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
        data-testid={testId}
      />
      {children}
    </label>
  );
}
