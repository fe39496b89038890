import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ProtocolError } from './messages.ts';

/** One client's entry in an awareness update: its client id, clock and state (null = gone). */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** Largest awareness state a client may publish (a name, a colour, a cursor: tiny). */
const maxStateBytes = 16 * 1024;

/** Reads an awareness update (y-protocols' format) without applying it. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    if (count > 1000) throw new ProtocolError('malformed message: too many awareness entries');
    const entries: AwarenessEntry[] = [];
    for (let index = 0; index < count; index += 1) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (json.length > maxStateBytes)
        throw new ProtocolError('malformed message: awareness state too large');
      const state: unknown = JSON.parse(json);
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        throw new ProtocolError('malformed message: awareness state must be an object');
      }
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
    }
    return entries;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(
      `malformed message: invalid awareness update (${(error as Error).message})`,
    );
  }
}

/** Writes entries back in y-protocols' awareness update format. */
export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Stamps the authenticated account onto a presence state, so nobody can appear under another
 * person's name: `user.name` and `user.id` come from the server, colour and cursor from the client.
 */
export function stampIdentity(
  state: Record<string, unknown> | null,
  identity: { userId: string | null; name: string | null },
): Record<string, unknown> | null {
  if (state === null || identity.userId === null) return state;
  const user =
    typeof state.user === 'object' && state.user !== null
      ? (state.user as Record<string, unknown>)
      : {};
  return { ...state, user: { ...user, id: identity.userId, name: identity.name ?? user.name } };
}
