import type { BoardDetail, MeetingDetail } from '../../../shared/api/index.ts';
import { fetchBoard } from '../api/boards.ts';
import type { ApiResult } from '../api/http.ts';
import { fetchMeetingDetail } from '../api/meetings.ts';
import { type Loadable, useApiData } from '../app/useApiData.ts';

export interface MeetingContext {
  meeting: Loadable<MeetingDetail>;
  board: Loadable<BoardDetail>;
  /** Asks again (after roles changed). */
  reload: () => void;
}

function waitForever<T>(): Promise<ApiResult<T>> {
  return new Promise(() => undefined);
}

/** The meeting (with the caller's role and all assignments) and its board's members. */
export function useMeetingContext(meetingId: string): MeetingContext {
  const [meeting, reloadMeeting] = useApiData(
    (signal) => fetchMeetingDetail(meetingId, signal),
    `meeting:${meetingId}`,
  );
  const boardId = meeting.status === 'ready' ? meeting.data.boardId : null;
  const [board, reloadBoard] = useApiData(
    (signal) => (boardId === null ? waitForever<BoardDetail>() : fetchBoard(boardId, signal)),
    `board:${boardId ?? ''}`,
  );
  return {
    meeting,
    board,
    reload: () => {
      reloadMeeting();
      reloadBoard();
    },
  };
}
