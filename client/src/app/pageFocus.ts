import { takeFocusPending } from './navigation.ts';

/**
 * Ref callback for a page's main heading (give it `tabIndex={-1}`). After an in-app navigation
 * the focus would otherwise stay on the link that was clicked — which is gone — and a screen
 * reader would announce nothing; focusing the new heading tells where one is.
 */
export function focusOnArrival(element: HTMLElement | null): void {
  if (element !== null && takeFocusPending()) element.focus({ preventScroll: true });
}

/**
 * Ref callback for a heading that replaces a form's content (a final error, a closed sign-up):
 * focusing it makes screen readers read the change. Module-level, so it runs on mount only.
 */
export function focusWhenShown(element: HTMLElement | null): void {
  element?.focus();
}
