import type { ReactNode } from 'react';

/**
 * A form's own message (not tied to one field): errors are announced at once (`role="alert"`),
 * confirmations politely (`role="status"`). Rendered empty so the live region exists before the
 * text arrives; some screen readers ignore regions that appear together with their content.
 */
export function FormAlert({
  tone,
  children,
}: {
  tone: 'error' | 'success' | 'info';
  children?: ReactNode;
}) {
  const empty = children === undefined || children === null || children === false;
  return (
    <div
      className={`form-alert form-alert--${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-empty={empty}
    >
      {children}
    </div>
  );
}
