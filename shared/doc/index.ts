export { generateId, replaceText } from './access.ts';
export {
  type AttendeePatch,
  type AttendeeSnapshot,
  addAttendee,
  editAttendee,
  listAttendance,
  markArrival,
  markDeparture,
  type NewAttendee,
  removeAttendee,
} from './attendance.ts';
export * from './constants.ts';
export { DocError, type DocErrorCode, docErrorCodes } from './errors.ts';
export { type ItemSnapshot, type ItemSummary, readItem, readItems } from './itemRead.ts';
export {
  addItem,
  editItem,
  type ItemPatch,
  itemBody,
  itemProposal,
  itemTitle,
  moveItem,
  type NewItem,
  removeItem,
  restoreItem,
  setItemBody,
} from './items.ts';
export { buildItemTree, type ItemNode, type ItemTree } from './itemTree.ts';
export { MeetingDoc } from './meetingDoc.ts';
export {
  approveAgenda,
  getMeta,
  isAgendaApproved,
  type MeetingMeta,
  type MetaPatch,
  type ServerMetaValue,
  setMeta,
  setServerMeta,
} from './meta.ts';
export {
  type ItemNumber,
  letterLabel,
  type NumberingOptions,
  numberItems,
  subItemLabel,
} from './numbering.ts';
export {
  addAdjuster,
  getOfficers,
  type Officers,
  removeAdjuster,
  type SingleOffice,
  setOfficer,
} from './officers.ts';
export { compareOrdered, isValidOrderKey, keysForInsertion, type Ordered } from './ordering.ts';
export type { ItemPlacement } from './placement.ts';
export {
  type AssignmentRecord,
  assignmentsOfMeeting,
  type DecisionRecord,
  decisionsOfMeeting,
  presentAt,
} from './queries.ts';
export * from './schema/index.ts';
export { type MeetingSnapshot, readMeeting } from './snapshot.ts';
export {
  createMeetingFromTemplate,
  type MeetingTemplate,
  type NewMeeting,
  standardBoardMeetingTemplate,
  type TemplateItem,
} from './template.ts';
export {
  type DocIssue,
  serverOwnedKeysTouched,
  touchedItemIds,
  type ValidateOptions,
  validateMeetingDoc,
} from './validate.ts';
export {
  type Attachment,
  attachmentSchema,
  attendeeValueSchemas,
  docIdSchema,
  itemValueSchemas,
  metaValueSchemas,
  type OfficerRef,
  officerRefSchema,
  orderKeySchema,
  type Posting,
  postingSchema,
  type Signature,
  signatureSchema,
} from './values.ts';
