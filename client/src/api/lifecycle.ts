import { z } from 'zod';
import {
  type ExportFormat,
  type LifecycleAction,
  type LifecycleState,
  lifecycleStateSchema,
  signedFileSchema,
  type Verification,
  verificationSchema,
} from '../../../shared/api/index.ts';
import { type ApiResult, getJson, postJson } from './http.ts';

export type SignedFile = z.infer<typeof signedFileSchema>;

/** A lifecycle step with what it needs: posting (anslag) takes its period and place. */
export type LifecycleStep =
  | { action: Exclude<LifecycleAction, 'post'> }
  | { action: 'post'; postedFrom: string; postedTo: string; storagePlace: string };

function meetingPath(meetingId: string): string {
  return `/api/meetings/${encodeURIComponent(meetingId)}`;
}

/** Status, signatures, pending signers, justeringsdatum and posting of a meeting. */
export function fetchLifecycle(
  meetingId: string,
  signal?: AbortSignal,
): Promise<ApiResult<LifecycleState>> {
  return getJson(`${meetingPath(meetingId)}/lifecycle`, lifecycleStateSchema, signal);
}

/** Takes a lifecycle step; the server decides whether this person may, from this status. */
export function takeLifecycleStep(
  meetingId: string,
  step: LifecycleStep,
): Promise<ApiResult<LifecycleState>> {
  return postJson(`${meetingPath(meetingId)}/lifecycle`, step, lifecycleStateSchema);
}

/** Signs the locked minutes in the caller's role (chair, adjuster or secretary). */
export function signMinutes(meetingId: string): Promise<ApiResult<LifecycleState>> {
  return postJson(`${meetingPath(meetingId)}/signatures`, {}, lifecycleStateSchema);
}

/** Corrects signed minutes: the signed version is kept and a new round of justering starts. */
export function correctMinutes(
  meetingId: string,
  reason: string,
): Promise<ApiResult<LifecycleState>> {
  return postJson(`${meetingPath(meetingId)}/corrections`, { reason }, lifecycleStateSchema);
}

/** The files issued for signed minutes, with their SHA-256. */
export function fetchSignedFiles(
  meetingId: string,
  signal?: AbortSignal,
): Promise<ApiResult<SignedFile[]>> {
  return getJson(`${meetingPath(meetingId)}/signed-files`, z.array(signedFileSchema), signal);
}

/**
 * Where to download an export. A plain link: the browser sends the session cookie and saves
 * the file under the name the server gives it.
 */
export function exportUrl(
  meetingId: string,
  format: ExportFormat,
  document: 'minutes' | 'notice' = 'minutes',
): string {
  const path = `${meetingPath(meetingId)}/export/${format}`;
  return document === 'notice' ? `${path}?document=notice` : path;
}

/** Where to download the exact bytes of an issued signed file. */
export function signedFileUrl(meetingId: string, sha256: string): string {
  return `${meetingPath(meetingId)}/signed-files/${encodeURIComponent(sha256)}`;
}

/** Public: is the file with this SHA-256 a signed protocol, and of which meeting? */
export function verifyFile(sha256: string, signal?: AbortSignal): Promise<ApiResult<Verification>> {
  return getJson(`/api/verify/${encodeURIComponent(sha256)}`, verificationSchema, signal);
}
