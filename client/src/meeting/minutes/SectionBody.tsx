import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { DocError, type ItemSummary, itemBody } from '../../../../shared/doc/index.ts';
import { CollaborativeEditor } from '../../editor/CollaborativeEditor.tsx';
import type { PlaceholderTexts } from '../../editor/extensions.ts';
import { StaticBody } from '../../editor/StaticBody.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkspace } from '../workspaceContext.ts';

/** The element id of a § body's editable element. */
export function bodyId(itemId: string): string {
  return `body-${itemId}`;
}

/** How far outside the screen a § body is already mounted, so scrolling finds it ready. */
const mountMargin = '800px 0px';

function useBodyFragment(doc: Y.Doc, itemId: string): Y.XmlFragment | null {
  return useMemo(() => {
    try {
      return itemBody(doc, itemId);
    } catch (error) {
      // An item without a body fragment (written by a broken client): show no editor rather
      // than crash the page; the server's validation keeps such items out of stored documents.
      if (!(error instanceof DocError)) throw error;
      console.warn('An agenda item has no body', error);
      return null;
    }
  }, [doc, itemId]);
}

export interface SectionBodyProps {
  item: ItemSummary;
  name: string;
  /** Mount the editor now, on screen or not (the current §). */
  forceMount: boolean;
  placeholder: PlaceholderTexts;
}

/**
 * The body of a §, with its own collaborative editor. A long agenda would otherwise start dozens
 * of editors at once, so an editor is created when its § comes near the screen (or becomes
 * current) and then kept; until then the body is drawn without an editor.
 */
export function SectionBody({ item, name, forceMount, placeholder }: SectionBodyProps) {
  const { t } = useI18n();
  const { session, identity, capabilities, settlePendingFocus } = useWorkspace();
  const fragment = useBodyFragment(session.doc, item.id);
  const [seen, setSeen] = useState(false);
  const placeholderElement = useRef<HTMLDivElement>(null);
  const mounted = seen || forceMount;

  useEffect(() => {
    if (forceMount) setSeen(true);
  }, [forceMount]);

  useEffect(() => {
    const element = placeholderElement.current;
    if (mounted || element === null) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setSeen(true);
      },
      { rootMargin: mountMargin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [mounted]);

  useEffect(() => {
    if (mounted) settlePendingFocus();
  }, [mounted, settlePendingFocus]);

  if (fragment === null) return null;
  if (!mounted) {
    return (
      <div ref={placeholderElement} className="paragraph__body paragraph__body--pending">
        <StaticBody fragment={fragment} />
      </div>
    );
  }
  return (
    <div className="paragraph__body">
      <CollaborativeEditor
        itemId={item.id}
        id={bodyId(item.id)}
        fragment={fragment}
        awarenessSource={session.provider}
        user={identity}
        editable={capabilities.editText}
        label={t('item.bodyLabel', { name })}
        placeholder={placeholder}
      />
    </div>
  );
}
