import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { BoardMember } from '../../../shared/api/index.ts';
import type { Identity } from '../app/identity.ts';
import type { MeetingSync } from '../sync/meetingSync.ts';
import type { Capabilities } from './capabilities.ts';

/** Which part of a § to focus once it is on screen. */
export type FocusTarget = 'section' | 'title' | 'body';

/** What the panels of the workspace share. */
export interface Workspace {
  session: MeetingSync;
  doc: Y.Doc;
  identity: Identity;
  capabilities: Capabilities;
  /** The § this person works in (focus, or chosen in the agenda); null before there is any. */
  currentItemId: string | null;
  setCurrentItem: (itemId: string) => void;
  /** Scrolls to a § and focuses part of it, mounting its editor first if need be. */
  goToItem: (itemId: string, target: FocusTarget) => void;
  /**
   * Applies a focus request of goToItem that had to wait for its § (or the §'s editor) to be
   * rendered; called by the § when it mounts and by its body when the editor is ready.
   */
  settlePendingFocus: () => void;
  /** Says something in the status area (and to screen readers). */
  announce: (message: string) => void;
  /** The board's member directory (empty until loaded, or when not allowed). */
  members: BoardMember[];
  /** Opens the keyboard shortcuts dialog. */
  showShortcuts: () => void;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (workspace === null) throw new Error('useWorkspace needs a <WorkspaceContext>');
  return workspace;
}
