import { useCallback, useEffect, useState } from 'react';

/** How long a message stays on screen. */
const visibleMs = 5000;

/**
 * The workspace's status line: confirms what an action did ("§ 5 moved") and says why one was
 * not possible. A polite live region, so screen readers hear it without losing their place.
 */
export function useStatusMessage(): { message: string; announce: (message: string) => void } {
  const [state, setState] = useState({ message: '', serial: 0 });
  const announce = useCallback((message: string) => {
    setState((previous) => ({ message, serial: previous.serial + 1 }));
  }, []);
  useEffect(() => {
    if (state.message === '') return;
    const timer = window.setTimeout(
      () => setState((previous) => ({ ...previous, message: '' })),
      visibleMs,
    );
    return () => window.clearTimeout(timer);
  }, [state]);
  return { message: state.message, announce };
}

export function StatusMessage({ message }: { message: string }) {
  return (
    <p className="status-message" role="status" data-visible={message !== ''}>
      {message}
    </p>
  );
}
