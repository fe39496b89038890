import { useEffect, useId, useRef, useState } from 'react';

/**
 * Open/close state of a menu button and its panel: closes on a pointer down outside, on Escape
 * (focus back on the button) and when focus tabs out past the panel's last control.
 */
export function usePopover() {
  const [open, setOpen] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const container = containerRef.current;
    const onPointerDown = (event: PointerEvent) => {
      if (!container?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    // Tabbing past the last control closes the panel instead of leaving it open behind.
    const onFocusOut = (event: FocusEvent) => {
      if (!container?.contains(event.relatedTarget as Node | null)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    container?.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
      container?.removeEventListener('focusout', onFocusOut);
    };
  }, [open]);

  return { open, setOpen, containerRef, buttonRef, panelId };
}
