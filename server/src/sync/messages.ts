import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, SyncMessageType } from '../../../shared/protocol/index.ts';

/** A decoded client message; anything else is a protocol error. */
export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  | { kind: 'subscribeSaved'; request: number | null };

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/**
 * Decodes one y-websocket frame. Throws ProtocolError for anything that is not exactly one
 * well-formed message of a type a client may send (the `auth` type is server → client only).
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const subType = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (subType === SyncMessageType.step1) return { kind: 'syncStep1', stateVector: payload };
        if (subType === SyncMessageType.step2 || subType === SyncMessageType.update) {
          return { kind: 'update', update: payload };
        }
        throw new ProtocolError(`unknown sync message type ${subType}`);
      }
      case MessageType.awareness:
        return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
      case MessageType.queryAwareness:
        return { kind: 'queryAwareness' };
      case MessageType.savedState:
        // `[4]` or `[4, request]`: the optional request number is echoed in every answer.
        return {
          kind: 'subscribeSaved',
          request: decoding.hasContent(decoder) ? decoding.readVarUint(decoder) : null,
        };
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    // lib0 throws plain Errors ("Unexpected end of array") on truncated input.
    throw new ProtocolError(`malformed message: ${(error as Error).message}`);
  }
}

/** sync step 1: "here is my state vector, send me what I miss". */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.step1, stateVector);
}

/** sync step 2: the missing updates, in answer to a step 1. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.step2, update);
}

/** A live update to broadcast. */
export function encodeSyncUpdate(update: Uint8Array): Uint8Array {
  return encodeSync(SyncMessageType.update, update);
}

/**
 * Justera's saved-state message: the state vector of what is durably stored, followed by the
 * client's latest request number when it sent one.
 */
export function encodeSavedState(stateVector: Uint8Array, request: number | null): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.savedState);
  encoding.writeVarUint8Array(encoder, stateVector);
  if (request !== null) encoding.writeVarUint(encoder, request);
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** y-protocols/auth "permission denied" with a reason the client logs. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarString(encoder, reason);
  return encoding.toUint8Array(encoder);
}

function encodeSync(subType: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, subType);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
