export { CloseCode, type CloseCodeValue, isPermanentCloseCode } from './closeCodes.ts';
export { fitCloseReason, maxCloseReasonBytes } from './closeReason.ts';
export { type MeetingId, meetingIdSchema } from './meetingId.ts';
export { MessageType, SyncMessageType, syncPathPrefix } from './messages.ts';
