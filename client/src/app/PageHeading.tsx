import type { ReactNode } from 'react';
import { focusOnArrival } from './pageFocus.ts';

/** A page's h1; takes the focus after an in-app navigation (see pageFocus.ts). */
export function PageHeading({
  children,
  className,
  id,
}: {
  children: ReactNode;
  className?: string;
  id?: string;
}) {
  return (
    <h1 className={className ?? 'page-heading'} id={id} tabIndex={-1} ref={focusOnArrival}>
      {children}
    </h1>
  );
}
