import type * as Y from 'yjs';
import type { ExportFormat, LifecycleState, Verification } from '../../../shared/api/lifecycle.ts';
import {
  isSigningRole,
  signingRoles,
  transitionRules,
} from '../../../shared/api/lifecycleRules.ts';
import type { MeetingRole } from '../../../shared/api/roles.ts';
import { readItems } from '../../../shared/doc/itemRead.ts';
import { setServerMeta } from '../../../shared/doc/meta.ts';
import { readMeeting } from '../../../shared/doc/snapshot.ts';
import { canonicalJson, canonicalMinutes, sha256 } from '../export/canonical.ts';
import { renderHtml } from '../export/html.ts';
import { renderMarkdown } from '../export/markdown.ts';
import {
  buildProtocol,
  type FollowUp,
  type Protocol,
  type SignatureLine,
} from '../export/protocol.ts';
import type { ExportRenderer } from '../export/renderThread.ts';
import type { AccountStore, MeetingRecord, SignatureRecord } from '../storage/accountStore.ts';

/** A refused lifecycle step, with a stable code for the API. */
export class LifecycleError extends Error {
  constructor(
    readonly code: string,
    readonly status: 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

/** The way the lifecycle reads and writes the live meeting document (the room manager). */
export interface MeetingDocuments {
  /** Runs `read` on the meeting's current document. */
  read<T>(meetingId: string, read: (doc: Y.Doc) => T): Promise<T>;
  /** Applies a server-owned change, stores it and broadcasts it to everyone in the meeting. */
  change(meetingId: string, change: (doc: Y.Doc) => void): Promise<void>;
}

export interface Actor {
  userId: string;
  name: string;
  role: MeetingRole;
  meeting: MeetingRecord;
}

const stockholm = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
/** "2026-11-27 10:12", Swedish time: how a signing time is written on the protocol. */
export const swedishTime = (at: number) => stockholm.format(new Date(at)).replace(',', '');
const swedishDate = (at: number) => swedishTime(at).slice(0, 10);

const contentTypes: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json',
};

/**
 * The meeting lifecycle after (and before) the meeting: server-authoritative status, locking,
 * signatures, posting, and the exports that are filed. Status lives in the database; the
 * document's server-owned meta fields mirror it so every client sees it live.
 */
export class LifecycleService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly documents: MeetingDocuments,
    /** PDF and DOCX rendering, off the event loop (renderThread.ts). */
    private readonly renderer: ExportRenderer,
    /** Keeps a save point of the document (version history) at each lifecycle step. */
    private readonly savePoint: (
      meetingId: string,
      label: string,
      reason: string | null,
      userId: string,
    ) => Promise<number>,
    /** The board's open assignments from earlier meetings, for the notice (uppföljning). */
    private readonly followUp: (meeting: MeetingRecord) => Promise<FollowUp[]> = async () => [],
  ) {}

  async state(meetingId: string): Promise<LifecycleState> {
    const lifecycle = await this.accounts.meetingLifecycle(meetingId);
    if (!lifecycle) throw new LifecycleError('not_found', 404, 'no such meeting');
    const signatures = await this.accounts.listSignatures(meetingId);
    const required = await this.requiredSigners(meetingId);
    const signed = new Set(signatures.map((signature) => signature.userId));
    return {
      status: lifecycle.status as LifecycleState['status'],
      signatures: signatures.map((signature) => ({
        userId: signature.userId,
        name: signature.name,
        role: signature.role,
        signedAt: new Date(signature.signedAt).toISOString(),
        sha256: signature.sha256,
      })),
      pendingSigners: required.filter((signer) => !signed.has(signer.userId)),
      adjustedOn: lifecycle.adjustedOn,
      posting: lifecycle.posting,
    };
  }

  async transition(
    actor: Actor,
    request: {
      action: keyof typeof transitionRules;
      postedFrom?: string;
      postedTo?: string;
      storagePlace?: string;
    },
  ): Promise<LifecycleState> {
    const rule = transitionRules[request.action];
    const meetingId = actor.meeting.id;
    const current = await this.state(meetingId);
    if (!rule.roles.includes(actor.role)) {
      throw new LifecycleError(
        'forbidden',
        403,
        `a ${actor.role} may not ${request.action} this meeting`,
      );
    }
    if (!rule.from.includes(current.status)) {
      throw new LifecycleError(
        'invalid_transition',
        409,
        `cannot ${request.action} a meeting that is ${current.status}`,
      );
    }
    if (request.action === 'unlock' && current.signatures.length > 0) {
      throw new LifecycleError(
        'already_signed',
        409,
        'the minutes have been signed; make a correction instead',
      );
    }
    if (request.action === 'lock') await this.assertSignersAssigned(meetingId);
    const posting =
      request.action === 'post' && request.postedFrom && request.postedTo && request.storagePlace
        ? {
            postedFrom: request.postedFrom,
            postedTo: request.postedTo,
            storagePlace: request.storagePlace,
          }
        : undefined;
    const moved = await this.accounts.transitionMeeting({
      meetingId,
      userId: actor.userId,
      action: request.action,
      from: current.status,
      to: rule.to,
      at: Date.now(),
      ...(posting ? { posting } : {}),
    });
    if (!moved)
      throw new LifecycleError(
        'conflict',
        409,
        'the meeting changed meanwhile; reload and try again',
      );
    await this.documents.change(meetingId, (doc) => {
      setServerMeta(doc, 'status', rule.to);
      if (request.action === 'lock') {
        // The § numbers are frozen as they are now: later reading must show the same labels.
        const labels = Object.fromEntries(
          readItems(doc).flatMap((item) => (item.label ? [[item.id, item.label]] : [])),
        );
        setServerMeta(doc, 'lockedNumbers', labels);
        setServerMeta(doc, 'locked', true);
      }
      if (request.action === 'unlock') {
        setServerMeta(doc, 'locked', false);
        setServerMeta(doc, 'lockedNumbers', null);
      }
      if (posting)
        setServerMeta(doc, 'posting', {
          postedFrom: posting.postedFrom,
          postedTo: posting.postedTo,
        });
    });
    if (request.action === 'post') await this.registerSignedFiles(actor.meeting);
    const labels: Partial<Record<string, string>> = {
      lock: 'Låst för justering',
      unlock: 'Upplåst',
      post: 'Anslaget',
    };
    const label = labels[request.action];
    if (label) await this.savePoint(meetingId, label, null, actor.userId);
    return this.state(meetingId);
  }

  /** Signs the locked minutes as the actor's role; the last required signature makes them justerat. */
  async sign(actor: Actor): Promise<LifecycleState> {
    const meetingId = actor.meeting.id;
    const current = await this.state(meetingId);
    if (!isSigningRole(actor.role)) {
      throw new LifecycleError(
        'forbidden',
        403,
        'only the chair, the adjusters and the secretary sign the minutes',
      );
    }
    if (current.status !== 'lockedForAdjustment') {
      throw new LifecycleError(
        'not_locked',
        409,
        `minutes can be signed only when locked for justering (now ${current.status})`,
      );
    }
    if (current.signatures.some((signature) => signature.userId === actor.userId)) {
      throw new LifecycleError('already_signed', 409, 'you have already signed these minutes');
    }
    const hash = sha256(
      canonicalMinutes(await this.protocol(actor.meeting, 'minutes', { withSignatures: false })),
    );
    const at = Date.now();
    const added = await this.accounts.addSignature({
      meetingId,
      userId: actor.userId,
      role: actor.role,
      name: actor.name,
      signedAt: at,
      sha256: hash,
    });
    if (!added)
      throw new LifecycleError('already_signed', 409, 'you have already signed these minutes');
    const signatures = await this.accounts.listSignatures(meetingId);
    await this.documents.change(meetingId, (doc) =>
      setServerMeta(
        doc,
        'signatures',
        signatures.map((signature) => ({
          role: signature.role,
          name: signature.name,
          userId: signature.userId,
          signedAt: new Date(signature.signedAt).toISOString(),
          sha256: signature.sha256,
        })),
      ),
    );
    const after = await this.state(meetingId);
    if (after.pendingSigners.length === 0) {
      await this.accounts.setAdjustedOn(meetingId, swedishDate(at));
      await this.accounts.transitionMeeting({
        meetingId,
        userId: actor.userId,
        action: 'sign',
        from: 'lockedForAdjustment',
        to: 'signed',
        at,
      });
      await this.documents.change(meetingId, (doc) => setServerMeta(doc, 'status', 'signed'));
      await this.registerSignedFiles(actor.meeting);
      await this.savePoint(meetingId, 'Justerat', null, actor.userId);
      return this.state(meetingId);
    }
    return after;
  }

  /**
   * A correction after signing: the signed version is kept as a save point with its signatures
   * and its issued files (still verifiable), and the minutes go back to drafting for a new round
   * of justering. The reason is recorded.
   */
  async correct(actor: Actor, reason: string): Promise<LifecycleState> {
    const meetingId = actor.meeting.id;
    const current = await this.state(meetingId);
    if (actor.role !== 'secretary') {
      throw new LifecycleError('forbidden', 403, 'only the secretary corrects signed minutes');
    }
    if (current.status !== 'signed' && current.status !== 'posted') {
      throw new LifecycleError(
        'invalid_transition',
        409,
        `only signed minutes are corrected; these are ${current.status}`,
      );
    }
    const versionId = await this.savePoint(
      meetingId,
      'Justerat protokoll före rättelse',
      reason,
      actor.userId,
    );
    const moved = await this.accounts.transitionMeeting({
      meetingId,
      userId: actor.userId,
      action: 'correct',
      from: current.status,
      to: 'minutesDrafted',
      at: Date.now(),
    });
    if (!moved)
      throw new LifecycleError(
        'conflict',
        409,
        'the meeting changed meanwhile; reload and try again',
      );
    await this.accounts.archiveSignatures(meetingId, versionId, { reason, at: Date.now() });
    await this.documents.change(meetingId, (doc) => {
      setServerMeta(doc, 'status', 'minutesDrafted');
      setServerMeta(doc, 'locked', false);
      setServerMeta(doc, 'lockedNumbers', null);
      setServerMeta(doc, 'signatures', []);
      setServerMeta(doc, 'posting', null);
    });
    return this.state(meetingId);
  }

  /** Files issued for signed minutes (their exact bytes are kept), newest first. */
  signedFiles(meetingId: string) {
    return this.accounts.listSignedFiles(meetingId);
  }

  /** The exact bytes of a file issued for signed minutes. */
  signedFile(meetingId: string, hash: string) {
    return this.accounts.signedFileData(meetingId, hash.toLowerCase());
  }

  /** Renders an export of the meeting's minutes or notice. */
  async export(
    meeting: MeetingRecord,
    format: ExportFormat,
    document: 'minutes' | 'notice',
  ): Promise<{ bytes: Buffer; contentType: string; fileName: string }> {
    const protocol = await this.protocol(meeting, document, { withSignatures: true });
    const fileName = `${document === 'minutes' ? 'protokoll' : 'kallelse'}-${meeting.date}-${slug(meeting.title)}.${format}`;
    return {
      bytes: await this.render(protocol, format, await this.producedAt(meeting.id)),
      contentType: contentTypes[format],
      fileName,
    };
  }

  /**
   * Is this file (by its SHA-256) a signed protocol Justera issued? Answers with the round of
   * justering that signed this very file, and whether a correction has superseded it since.
   */
  async verify(hash: string): Promise<Verification> {
    const file = await this.accounts.findSignedFile(hash.toLowerCase());
    if (!file) return { valid: false };
    const meeting = await this.accounts.findMeeting(file.meetingId);
    const lifecycle = await this.accounts.meetingLifecycle(file.meetingId);
    if (!meeting || !lifecycle) return { valid: false };
    const board = await this.accounts.findBoard(meeting.boardId);
    const round =
      file.supersededVersion === null
        ? null
        : await this.accounts.supersededRound(meeting.id, file.supersededVersion);
    const signatures = round ? round.signatures : await this.accounts.listSignatures(meeting.id);
    return {
      valid: true,
      meetingId: meeting.id,
      organ: board?.name ?? '',
      title: meeting.title,
      date: meeting.date,
      format: file.format,
      adjustedOn: round ? round.adjustedOn : lifecycle.adjustedOn,
      signatures: signatures.map((signature) => ({
        name: signature.name,
        role: signature.role,
        signedAt: swedishTime(signature.signedAt),
      })),
      superseded: round
        ? { reason: round.reason, correctedOn: swedishDate(round.correctedAt) }
        : null,
    };
  }

  private async render(
    protocol: Protocol,
    format: ExportFormat,
    producedAt: Date,
  ): Promise<Buffer> {
    switch (format) {
      case 'pdf':
        return this.renderer.renderPdf(protocol, producedAt);
      case 'docx':
        return this.renderer.renderDocx(protocol);
      case 'html':
        return Buffer.from(renderHtml(protocol), 'utf8');
      case 'md':
        return Buffer.from(renderMarkdown(protocol), 'utf8');
      case 'json':
        return Buffer.from(canonicalJson(protocol), 'utf8');
    }
  }

  /** The PDF (and canonical JSON) as issued now, registered for public verification. */
  private async registerSignedFiles(meeting: MeetingRecord): Promise<void> {
    const protocol = await this.protocol(meeting, 'minutes', { withSignatures: true });
    const producedAt = await this.producedAt(meeting.id);
    const pdf = await this.renderer.renderPdf(protocol, producedAt);
    const json = Buffer.from(canonicalJson(protocol), 'utf8');
    await this.accounts.addSignedFile(sha256(pdf), meeting.id, 'pdf', pdf);
    await this.accounts.addSignedFile(sha256(json), meeting.id, 'json', json);
  }

  /** Exports are dated by the last signature, so re-exporting signed minutes gives the same bytes. */
  private async producedAt(meetingId: string): Promise<Date> {
    const signatures = await this.accounts.listSignatures(meetingId);
    const last = signatures.at(-1)?.signedAt;
    return new Date(last ?? 0);
  }

  private async protocol(
    meeting: MeetingRecord,
    kind: 'minutes' | 'notice',
    { withSignatures }: { withSignatures: boolean },
  ): Promise<Protocol> {
    const snapshot = await this.documents.read(meeting.id, (doc) => readMeeting(doc));
    const board = await this.accounts.findBoard(meeting.boardId);
    const lifecycle = await this.accounts.meetingLifecycle(meeting.id);
    let signatures: SignatureLine[] = [];
    if (withSignatures) {
      const given = new Map(
        (await this.accounts.listSignatures(meeting.id)).map((signature) => [
          signature.userId,
          signature,
        ]),
      );
      signatures = (await this.requiredSigners(meeting.id)).map((signer) => {
        const signature = given.get(signer.userId);
        return {
          role: signer.role,
          name: signer.name,
          signedAt: signature ? swedishTime(signature.signedAt) : null,
        };
      });
    }
    const corrections = (await this.accounts.listCorrections(meeting.id)).map((correction) => ({
      correctedOn: swedishDate(correction.correctedAt),
      reason: correction.reason,
    }));
    return buildProtocol(snapshot, {
      kind,
      corrections,
      followUp: kind === 'notice' ? await this.followUp(meeting) : [],
      organ: board?.name ?? '',
      signatures,
      adjustedOn: withSignatures ? (lifecycle?.adjustedOn ?? null) : null,
      posting: withSignatures ? (lifecycle?.posting ?? null) : null,
    });
  }

  /** Everyone assigned as chair, adjuster or secretary, in signing order. */
  private async requiredSigners(
    meetingId: string,
  ): Promise<Array<{ userId: string; name: string; role: SignatureRecord['role'] }>> {
    const roles = await this.accounts.listMeetingRoles(meetingId);
    return signingRoles.flatMap((role) =>
      roles
        .filter((assignment) => assignment.role === role)
        .map((assignment) => ({ userId: assignment.userId, name: assignment.name, role })),
    );
  }

  private async assertSignersAssigned(meetingId: string): Promise<void> {
    const signers = await this.requiredSigners(meetingId);
    const missing = signingRoles.filter((role) => !signers.some((signer) => signer.role === role));
    if (missing.length > 0) {
      throw new LifecycleError(
        'signers_missing',
        409,
        `assign ${missing.join(', ')} before locking the minutes for justering`,
      );
    }
  }
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'mote'
  );
}
