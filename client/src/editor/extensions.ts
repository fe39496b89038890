import type { Extensions } from '@tiptap/core';
import { Collaboration } from '@tiptap/extension-collaboration';
import { CollaborationCaret } from '@tiptap/extension-collaboration-caret';
import { Placeholder } from '@tiptap/extension-placeholder';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { bodyExtensions } from '../../../shared/doc/index.ts';
import type { PresenceUser } from '../sync/presence.ts';

export interface CollaborativeExtensionOptions {
  /** The shared fragment this editor edits; each editor binds exactly one. */
  fragment: Y.XmlFragment;
  /** Anything with the meeting's awareness (the WebsocketProvider): carets are drawn from it. */
  awarenessSource: { awareness: Awareness };
  user: PresenceUser;
  /** Read on every render of the placeholder, so a language switch needs no new editor. */
  placeholder: () => string;
}

/**
 * The extensions of a collaborative rich-text field: exactly the item-body schema the server
 * validates against (shared/doc; it leaves out StarterKit's undo/redo, because Collaboration
 * brings the Yjs undo manager), plus the collaboration, caret and placeholder behaviour. A node or
 * mark the server does not know would get the whole connection refused.
 */
export function collaborativeExtensions(options: CollaborativeExtensionOptions): Extensions {
  return [
    ...bodyExtensions,
    Collaboration.configure({ fragment: options.fragment }),
    CollaborationCaret.configure({
      provider: options.awarenessSource,
      user: options.user,
      render: renderCaret,
    }),
    Placeholder.configure({ placeholder: () => options.placeholder() }),
  ];
}

/** Another person's caret: a thin bar in their colour with their name above it. */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : 'transparent';
  const name = typeof user.name === 'string' ? user.name : '';
  const caret = document.createElement('span');
  caret.className = 'collaboration-carets__caret';
  caret.style.borderColor = color;
  const label = document.createElement('span');
  label.className = 'collaboration-carets__label';
  label.style.backgroundColor = color;
  label.textContent = name;
  // The name is decoration for sighted users; screen readers get presence from the header list.
  label.setAttribute('aria-hidden', 'true');
  caret.append(label);
  return caret;
}
