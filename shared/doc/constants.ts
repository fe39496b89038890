/**
 * Names of everything stored in a meeting's Y.Doc. The server validates raw updates against these
 * lists, so a key that is not named here can never enter a stored document.
 */

/** Root types of the meeting document (sammanträdets dokument). */
export const RootName = {
  meta: 'meta',
  items: 'items',
  attendance: 'attendance',
  officers: 'officers',
  /**
   * Y.Array of officer references: the adjusters (justerare). A root of its own because a
   * nested Y.Array created lazily by two clients at once would keep only one of them.
   */
  adjusters: 'adjusters',
} as const;

/** Root types that are Y.Maps. */
export const mapRootNames = [
  RootName.meta,
  RootName.items,
  RootName.attendance,
  RootName.officers,
] as const;

/** Every root name, in a fixed order. */
export const rootNames = [...mapRootNames, RootName.adjusters] as const;

/** Meta keys that clients write: the meeting header. */
export const MetaKey = {
  title: 'title',
  /** The body that meets (organ), e.g. "Styrelsen, Samordningsförbundet Skaraborg". */
  board: 'board',
  kind: 'kind',
  /** 'YYYY-MM-DD'. */
  date: 'date',
  /** 'HH:MM'. */
  startTime: 'startTime',
  endTime: 'endTime',
  place: 'place',
  videoLink: 'videoLink',
  /** Protocol number as the board writes it, e.g. "5/2023". */
  minutesNumber: 'minutesNumber',
  /** Where the minutes are kept (förvaringsplats), shown in the posting block. */
  storagePlace: 'storagePlace',
  firstParagraphNumber: 'firstParagraphNumber',
  /** How sub-items are labelled: 'letter' (§ 6a) or 'decimal' (§ 11.1). */
  subItemNumbering: 'subItemNumbering',
  /** ISO time the agenda (föredragningslistan) was approved; later changes are marked. */
  agendaApprovedAt: 'agendaApprovedAt',
  // Server-owned lifecycle fields below: clients never write them.
  status: 'status',
  locked: 'locked',
  /** itemId → label, frozen when the minutes are locked for justering. */
  lockedNumbers: 'lockedNumbers',
  signatures: 'signatures',
  /** Public notice of the adjusted minutes (anslag): posted from/to dates. */
  posting: 'posting',
} as const;

/** Meta keys only the server may write; an update from a client touching one is refused. */
export const serverOwnedMetaKeys = [
  MetaKey.status,
  MetaKey.locked,
  MetaKey.lockedNumbers,
  MetaKey.signatures,
  MetaKey.posting,
] as const;

/** Meta keys clients may write. */
export const clientMetaKeys = [
  MetaKey.title,
  MetaKey.board,
  MetaKey.kind,
  MetaKey.date,
  MetaKey.startTime,
  MetaKey.endTime,
  MetaKey.place,
  MetaKey.videoLink,
  MetaKey.minutesNumber,
  MetaKey.storagePlace,
  MetaKey.firstParagraphNumber,
  MetaKey.subItemNumbering,
  MetaKey.agendaApprovedAt,
] as const;

/** Fields of one agenda item (ärende / paragraf), stored as a Y.Map inside `items`. */
export const ItemKey = {
  /** Fractional-indexing key; a move changes only this (and `parentId`). */
  order: 'order',
  /** Id of the parent item for a sub-item (§ 6a, § 11.1), or absent for a top-level item. */
  parentId: 'parentId',
  kind: 'kind',
  /** Y.Text. */
  title: 'title',
  /** The person presenting the item (föredragande). */
  presenter: 'presenter',
  /** Y.Text: proposed decision (förslag till beslut). */
  proposal: 'proposal',
  /** Y.Array of { label, title } (bilagor). */
  attachments: 'attachments',
  status: 'status',
  /** True when the item was added after the agenda was approved ("med tillägg av"). */
  addedAfterApproval: 'addedAfterApproval',
  /** True when the item was struck after the agenda was approved (soft delete, "struken"). */
  removedAfterApproval: 'removedAfterApproval',
  /** Y.XmlFragment bound to the item's Tiptap editor. */
  body: 'body',
} as const;

/** Every item key. */
export const itemKeys = Object.values(ItemKey);

/** Item keys whose value is a shared type (never a plain value). */
export const itemSharedTypeKeys = {
  title: 'Y.Text',
  proposal: 'Y.Text',
  attachments: 'Y.Array',
  body: 'Y.XmlFragment',
} as const;

/** Fields of one attendee (närvarande/frånvarande), stored as a Y.Map inside `attendance`. */
export const AttendeeKey = {
  /** Fractional-indexing key: the order of the list as the secretary entered it. */
  order: 'order',
  name: 'name',
  organisation: 'organisation',
  /** Free-text role on the board: ordförande, vice ordförande, kassör, förbundschef, … */
  role: 'role',
  category: 'category',
  /** Reported absence in advance (anmält förhinder). */
  absenceNotified: 'absenceNotified',
  /** Item id from which the person was present (inclusive). */
  presentFrom: 'presentFrom',
  /** Item id up to which the person was present (inclusive, with its sub-items). */
  presentTo: 'presentTo',
  note: 'note',
} as const;

/** Every attendee key. */
export const attendeeKeys = Object.values(AttendeeKey);

/** Keys of the `officers` map: the meeting's chair and secretary (adjusters: own root). */
export const OfficerKey = {
  /** Ordförande. */
  chair: 'chair',
  /** Sekreterare (protokollförare). */
  secretary: 'secretary',
} as const;

/** Every officers key. */
export const officerKeys = Object.values(OfficerKey);

/** Item kinds: formality (formalia), decision (beslutsärende), information, discussion. */
export const itemKinds = ['formality', 'decision', 'information', 'discussion'] as const;

/** Item status: pending, handled (behandlad), deferred (bordlagd). */
export const itemStatuses = ['pending', 'handled', 'deferred'] as const;

/**
 * Attendance categories: beslutande (voting member), ersättare (deputy), adjungerad (co-opted),
 * övrig närvarande (other present), frånvarande (absent).
 */
export const attendanceCategories = [
  'beslutande',
  'ersattare',
  'adjungerad',
  'ovrig',
  'franvarande',
] as const;

/** Meeting kinds: styrelsemöte, arbetsutskott, beredning, årsmöte, extra möte, other. */
export const meetingKinds = [
  'board',
  'workingCommittee',
  'preparatory',
  'annual',
  'extraordinary',
  'other',
] as const;

/** Lifecycle status (server-owned), from draft to archived. */
export const meetingStatuses = [
  'draft',
  'noticeSent',
  'inSession',
  'minutesDrafted',
  'lockedForAdjustment',
  'signed',
  'posted',
  'archived',
] as const;

/** Sub-item label styles: 'letter' → "6a", 'decimal' → "11.1". */
export const subItemNumberingStyles = ['letter', 'decimal'] as const;

export type ItemKind = (typeof itemKinds)[number];
export type ItemStatus = (typeof itemStatuses)[number];
export type AttendanceCategory = (typeof attendanceCategories)[number];
export type MeetingKind = (typeof meetingKinds)[number];
export type MeetingStatus = (typeof meetingStatuses)[number];
export type SubItemNumbering = (typeof subItemNumberingStyles)[number];
export type ServerOwnedMetaKey = (typeof serverOwnedMetaKeys)[number];
export type ClientMetaKey = (typeof clientMetaKeys)[number];

/** Limits on sizes of plain values, enforced by the validator. */
export const DocLimits = {
  shortText: 500,
  longText: 5000,
  idLength: 64,
  orderKeyLength: 128,
  maxAttachmentsPerItem: 100,
} as const;
