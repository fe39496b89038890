export { CloseCode, type CloseCodeValue, isPermanentCloseCode } from './closeCodes.ts';
export { MessageType, SyncMessageType, syncPathPrefix } from './messages.ts';
export { type MeetingId, meetingIdSchema } from './meetingId.ts';
