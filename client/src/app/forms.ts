import { type RefObject, useEffect, useRef, useState } from 'react';

/** Moves the focus to the first field marked invalid, so a keyboard user lands on the problem. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

/**
 * A form ref and a function that focuses the form's first invalid field once React has shown
 * the errors: set the errors and call it in the same update, before or after an `await`.
 */
export function useFocusFirstInvalid(): [RefObject<HTMLFormElement | null>, () => void] {
  const formRef = useRef<HTMLFormElement>(null);
  const [request, setRequest] = useState(0);
  useEffect(() => {
    if (request > 0) focusFirstInvalid(formRef.current);
  }, [request]);
  return [formRef, () => setRequest((count) => count + 1)];
}
