import type { Editor } from '@tiptap/react';
import { createContext, useContext, useSyncExternalStore } from 'react';

/** The body editor someone last worked in: the shared toolbar formats it. */
export interface ActiveEditor {
  itemId: string;
  editor: Editor;
  /** id of the editable element, for aria-controls. */
  elementId: string;
}

/**
 * The body editors of the mounted §§ (one per agenda item) and which one is active. The minutes
 * pane has one toolbar for all of them, and keyboard shortcuts insert blocks into the body of
 * the current §, so both need to find an item's editor.
 */
export class EditorRegistry {
  private readonly editors = new Map<string, { editor: Editor; elementId: string }>();
  private active: ActiveEditor | null = null;
  private readonly listeners = new Set<() => void>();
  private toolbarFocus: (() => void) | null = null;

  /** The shared toolbar registers how it takes focus (Alt+F10 from any body). */
  setToolbarFocus(focus: (() => void) | null): void {
    this.toolbarFocus = focus;
  }

  focusToolbar(): boolean {
    if (this.toolbarFocus === null) return false;
    this.toolbarFocus();
    return true;
  }

  register(itemId: string, editor: Editor, elementId: string): () => void {
    this.editors.set(itemId, { editor, elementId });
    return () => {
      if (this.editors.get(itemId)?.editor !== editor) return;
      this.editors.delete(itemId);
      if (this.active?.editor === editor) this.setActive(null);
    };
  }

  /** The editor of an item's body, when that § is mounted. */
  editorOf(itemId: string): Editor | null {
    return this.editors.get(itemId)?.editor ?? null;
  }

  activate(itemId: string): void {
    const entry = this.editors.get(itemId);
    if (entry === undefined || this.active?.editor === entry.editor) return;
    this.setActive({ itemId, editor: entry.editor, elementId: entry.elementId });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getActive = (): ActiveEditor | null => this.active;

  private setActive(next: ActiveEditor | null): void {
    this.active = next;
    for (const listener of this.listeners) listener();
  }
}

export const EditorRegistryContext = createContext<EditorRegistry | null>(null);

export function useEditorRegistry(): EditorRegistry {
  const registry = useContext(EditorRegistryContext);
  if (registry === null) throw new Error('useEditorRegistry needs an <EditorRegistryContext>');
  return registry;
}

/** The active body editor, re-rendering when another one becomes active. */
export function useActiveEditor(registry: EditorRegistry): ActiveEditor | null {
  return useSyncExternalStore(registry.subscribe, registry.getActive);
}
