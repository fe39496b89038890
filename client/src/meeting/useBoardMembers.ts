import { useEffect, useState } from 'react';
import { type BoardMember, boardDetailSchema } from '../../../shared/api/index.ts';
import { getJson } from '../api/http.ts';

/**
 * The board's member directory (GET /api/boards/:boardId), for the attendance picker and the
 * assignee suggestions. Empty while loading, offline, or when the server does not show it.
 */
export function useBoardMembers(boardId: string | null): BoardMember[] {
  const [members, setMembers] = useState<BoardMember[]>([]);
  useEffect(() => {
    if (boardId === null) return;
    const controller = new AbortController();
    void getJson(
      `/api/boards/${encodeURIComponent(boardId)}`,
      boardDetailSchema,
      controller.signal,
    ).then((outcome) => {
      if (controller.signal.aborted) return;
      if (outcome.ok) setMembers(outcome.data.members);
      else console.warn('Could not load the board members', outcome);
    });
    return () => controller.abort();
  }, [boardId]);
  return members;
}
