import type { AttendeeSnapshot } from '../../../shared/doc/attendance.ts';
import type { AttendanceCategory } from '../../../shared/doc/constants.ts';
import type { ItemSnapshot } from '../../../shared/doc/itemRead.ts';
import type { BodyJson } from '../../../shared/doc/schema/bodyJson.ts';
import type { MeetingSnapshot } from '../../../shared/doc/snapshot.ts';

/**
 * The intermediate representation every export renders from (PDF, DOCX, HTML, Markdown, JSON):
 * the protocol as a Swedish board files it, already in reading order and with every label
 * resolved, so that the renderers only lay it out.
 */
export interface Protocol {
  kind: 'minutes' | 'notice';
  organ: string;
  title: string;
  minutesNumber: string;
  date: string | null;
  time: string | null;
  place: string;
  videoLink: string;
  attendance: AttendanceGroup[];
  officers: { chair: string | null; secretary: string | null; adjusters: string[] };
  paragraphs: Paragraph[];
  signatures: SignatureLine[];
  /** Justeringsdatum, once every signer has signed. */
  adjustedOn: string | null;
  /** Corrections (rättelser) made after earlier rounds of justering, oldest first. */
  corrections: Correction[];
  /** The notice only: the board's assignments from earlier meetings that are still open. */
  followUp: FollowUp[];
  posting: {
    organ: string;
    meetingDate: string | null;
    postedFrom: string;
    postedTo: string;
    storagePlace: string;
  } | null;
}

export interface AttendanceGroup {
  heading: string;
  people: Array<{
    name: string;
    organisation: string;
    role: string;
    presence: string | null;
    note: string;
  }>;
}

export interface Paragraph {
  label: string;
  title: string;
  presenter: string;
  proposal: string;
  attachments: string[];
  /** Added to the agenda after it was approved ("tillägg"). */
  added: boolean;
  blocks: Block[];
}

export interface Run {
  text: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strike?: true;
}

export type Block =
  | { type: 'paragraph'; runs: Run[] }
  | { type: 'heading'; level: number; runs: Run[] }
  | { type: 'list'; ordered: boolean; items: Block[][] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'table'; rows: string[][]; headerRow: boolean }
  | {
      type: 'decision';
      blocks: Block[];
      votes: { for: number | null; against: number | null; abstain: number | null } | null;
      reservations: string;
    }
  | { type: 'assignment'; assignee: string; dueDate: string | null; runs: Run[] };

export interface Correction {
  /** The day the correction was made (Swedish time). */
  correctedOn: string;
  reason: string;
}

/** An open assignment (uppdrag) from an earlier meeting, to follow up (uppföljning). */
export interface FollowUp {
  meetingDate: string;
  meetingTitle: string;
  label: string | null;
  assignee: string;
  text: string;
  dueDate: string | null;
}

export interface SignatureLine {
  role: 'chair' | 'adjuster' | 'secretary';
  name: string;
  signedAt: string | null;
}

const categoryHeadings: Record<AttendanceCategory, string> = {
  beslutande: 'Beslutande',
  ersattare: 'Ersättare',
  adjungerad: 'Adjungerade',
  ovrig: 'Övriga närvarande',
  franvarande: 'Frånvarande',
};

export const roleLabels: Record<SignatureLine['role'], string> = {
  chair: 'Ordförande',
  adjuster: 'Justerare',
  secretary: 'Sekreterare',
};

function runsOf(nodes: BodyJson[] | undefined): Run[] {
  const runs: Run[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'hardBreak') {
      runs.push({ text: '\n' });
      continue;
    }
    if (node.type !== 'text' || !node.text) continue;
    const run: Run = { text: node.text };
    for (const mark of node.marks ?? []) {
      if (mark.type === 'bold') run.bold = true;
      if (mark.type === 'italic') run.italic = true;
      if (mark.type === 'underline') run.underline = true;
      if (mark.type === 'strike') run.strike = true;
    }
    runs.push(run);
  }
  return runs;
}

/** Plain text of a node (for table cells). */
function textOf(node: BodyJson): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const separator =
    node.type === 'tableCell' || node.type === 'tableHeader' || node.type === 'doc' ? '\n' : '';
  return (node.content ?? []).map(textOf).join(separator);
}

const count = (value: unknown): number | null => (typeof value === 'number' ? value : null);

/** Converts a ProseMirror body into export blocks. */
export function blocksOf(nodes: BodyJson[] | undefined): Block[] {
  const blocks: Block[] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'paragraph':
        blocks.push({ type: 'paragraph', runs: runsOf(node.content) });
        break;
      case 'heading':
        blocks.push({
          type: 'heading',
          level: Number(node.attrs?.level ?? 3),
          runs: runsOf(node.content),
        });
        break;
      case 'bulletList':
      case 'orderedList':
        blocks.push({
          type: 'list',
          ordered: node.type === 'orderedList',
          items: (node.content ?? []).map((item) => blocksOf(item.content)),
        });
        break;
      case 'blockquote':
        blocks.push({ type: 'quote', blocks: blocksOf(node.content) });
        break;
      case 'table': {
        const rows = (node.content ?? []).map((row) =>
          (row.content ?? []).map((cell) => textOf(cell).trim()),
        );
        const firstRow = node.content?.[0]?.content ?? [];
        const headerRow =
          firstRow.length > 0 && firstRow.every((cell) => cell.type === 'tableHeader');
        blocks.push({ type: 'table', rows, headerRow });
        break;
      }
      case 'decision': {
        const votes = [
          count(node.attrs?.votesFor),
          count(node.attrs?.votesAgainst),
          count(node.attrs?.votesAbstain),
        ];
        blocks.push({
          type: 'decision',
          blocks: blocksOf(node.content),
          votes: votes.some((value) => value !== null)
            ? { for: votes[0] ?? null, against: votes[1] ?? null, abstain: votes[2] ?? null }
            : null,
          reservations: typeof node.attrs?.reservations === 'string' ? node.attrs.reservations : '',
        });
        break;
      }
      case 'assignment':
        blocks.push({
          type: 'assignment',
          assignee: typeof node.attrs?.assignee === 'string' ? node.attrs.assignee : '',
          dueDate: typeof node.attrs?.dueDate === 'string' ? node.attrs.dueDate : null,
          runs: runsOf(node.content),
        });
        break;
      default:
        // horizontalRule and anything purely presentational has no place in a filed protocol.
        break;
    }
  }
  return blocks;
}

function presenceOf(
  person: AttendeeSnapshot,
  labels: Map<string, string>,
  firstLabel: string | null,
  lastLabel: string | null,
): string | null {
  if (person.presentFrom === null && person.presentTo === null) return null;
  const from = (person.presentFrom && labels.get(person.presentFrom)) ?? firstLabel;
  const to = (person.presentTo && labels.get(person.presentTo)) ?? lastLabel;
  if (!from || !to) return null;
  return from === to ? `§ ${from}` : `§ ${from}–${to}`;
}

/** Groups attendees under the headings boards use, in the order the secretary entered them. */
function attendanceOf(snapshot: MeetingSnapshot, items: ItemSnapshot[]): AttendanceGroup[] {
  const labels = new Map(
    items.flatMap((item) => (item.label ? [[item.id, item.label] as const] : [])),
  );
  const numbered = items.filter((item) => item.label !== null);
  const firstLabel = numbered[0]?.label ?? null;
  const lastLabel = numbered.at(-1)?.label ?? null;
  const groups: AttendanceGroup[] = [];
  for (const category of Object.keys(categoryHeadings) as AttendanceCategory[]) {
    const people = snapshot.attendance
      .filter((person) => person.category === category)
      .map((person) => ({
        name: person.name,
        organisation: person.organisation,
        role: person.role,
        presence:
          category === 'franvarande' ? null : presenceOf(person, labels, firstLabel, lastLabel),
        note: person.absenceNotified
          ? ['anmält förhinder', person.note].filter(Boolean).join(', ')
          : person.note,
      }));
    if (people.length > 0) groups.push({ heading: categoryHeadings[category], people });
  }
  return groups;
}

export interface ProtocolContext {
  kind: 'minutes' | 'notice';
  organ: string;
  signatures: SignatureLine[];
  adjustedOn: string | null;
  posting: { postedFrom: string; postedTo: string; storagePlace: string } | null;
  /** Corrections after signing; the notice has none. */
  corrections?: Correction[];
  /** Open assignments from earlier meetings; only the notice lists them. */
  followUp?: FollowUp[];
}

/** The meeting's officers as the minutes name them: ordförande, sekreterare, justerare. */
export function officerLines(protocol: Protocol): string[] {
  const { chair, secretary, adjusters } = protocol.officers;
  return [
    chair && `Ordförande: ${chair}`,
    secretary && `Sekreterare: ${secretary}`,
    adjusters.length > 0 && `Justerare: ${adjusters.join(', ')}`,
  ].filter((line): line is string => typeof line === 'string' && line !== '');
}

/** Builds the protocol (or the notice: agenda with presenters, proposals and attachments). */
export function buildProtocol(snapshot: MeetingSnapshot, context: ProtocolContext): Protocol {
  const { meta } = snapshot;
  const items = snapshot.items.filter((item) => !item.removedAfterApproval && item.label !== null);
  const time = meta.startTime
    ? meta.endTime
      ? `${meta.startTime}–${meta.endTime}`
      : meta.startTime
    : null;
  const organ = meta.board || context.organ;
  return {
    kind: context.kind,
    organ,
    title: meta.title,
    minutesNumber: meta.minutesNumber,
    date: meta.date,
    time,
    place: meta.place,
    videoLink: meta.videoLink,
    attendance: context.kind === 'minutes' ? attendanceOf(snapshot, snapshot.items) : [],
    officers: {
      chair: snapshot.officers.chair?.name ?? null,
      secretary: snapshot.officers.secretary?.name ?? null,
      adjusters: snapshot.officers.adjusters.map((adjuster) => adjuster.name),
    },
    paragraphs: items.map((item) => ({
      label: item.label ?? '',
      title: item.title,
      presenter: item.presenter,
      proposal: item.proposal,
      attachments: item.attachments.map((attachment) =>
        [attachment.label, attachment.title].filter(Boolean).join(': '),
      ),
      added: item.addedAfterApproval,
      blocks: context.kind === 'minutes' ? blocksOf(item.body.content) : [],
    })),
    signatures: context.kind === 'minutes' ? context.signatures : [],
    adjustedOn: context.adjustedOn,
    corrections: context.kind === 'minutes' ? (context.corrections ?? []) : [],
    followUp: context.kind === 'notice' ? (context.followUp ?? []) : [],
    posting: context.posting ? { organ, meetingDate: meta.date, ...context.posting } : null,
  };
}

/** "Rättelse 2026-12-02: reason", one line per correction, for every renderer. */
export function correctionLines(protocol: Protocol): string[] {
  return protocol.corrections.map(
    (correction) => `Rättelse ${correction.correctedOn}: ${correction.reason}`,
  );
}

/** The heading and the note of a corrected protocol, the same in every format. */
export const correctedHeading = 'Rättat protokoll';
// True before and after the new round of justering; the signature block shows which it is.
export const correctedNote =
  'Protokollet har rättats efter justering. Den tidigare justerade versionen finns kvar oförändrad.';

/** "Kassören – redovisa utfallet (senast 2027-03-31). Från Styrelsemöte 2026-11-20, § 5." */
export function followUpLine(followUp: FollowUp): string {
  const due = followUp.dueDate ? ` (senast ${followUp.dueDate})` : '';
  const from = `Från ${followUp.meetingTitle} ${followUp.meetingDate}${followUp.label ? `, § ${followUp.label}` : ''}.`;
  return `${followUp.assignee} – ${followUp.text}${due}. ${from}`;
}

/** Heading of the notice's follow-up list. */
export const followUpHeading = 'Uppföljning av uppdrag';

/** Plain text of runs. */
export function plain(runs: Run[]): string {
  return runs.map((run) => run.text).join('');
}
