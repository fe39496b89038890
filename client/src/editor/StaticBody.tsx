import { DOMSerializer } from '@tiptap/pm/model';
import { type CSSProperties, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { bodySchema, readBodyJson } from '../../../shared/doc/index.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * A § body drawn without an editor, kept current as the others type: what a § far from the
 * screen shows until its editor is created, so the whole minutes can be read, searched (Ctrl+F)
 * and printed without starting one editor per §. The DOM is built by ProseMirror's serializer
 * from the schema, never from an HTML string.
 */
export function StaticBody({ fragment }: { fragment: Y.XmlFragment }) {
  const { t } = useI18n();
  const element = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const target = element.current;
    if (target === null) return;
    const serializer = DOMSerializer.fromSchema(bodySchema);
    const render = () => {
      try {
        const node = bodySchema.nodeFromJSON(readBodyJson(fragment));
        target.replaceChildren(serializer.serializeFragment(node.content));
      } catch (error) {
        // Content the schema cannot read: the editor, once created, shows what it can.
        console.warn('Could not draw a § body', error);
        target.replaceChildren();
      }
    };
    render();
    fragment.observeDeep(render);
    return () => fragment.unobserveDeep(render);
  }, [fragment]);

  return (
    <div
      ref={element}
      className="editor__content editor__static"
      style={
        {
          '--label-decision': JSON.stringify(t('decision.label')),
          '--label-assignment': JSON.stringify(t('assignment.label')),
        } as CSSProperties
      }
    />
  );
}
