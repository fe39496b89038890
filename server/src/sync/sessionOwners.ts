import * as Y from 'yjs';
import type { DecodedUpdate } from './validation/updateValidator.ts';

/** The owner of the room doc's own client id: no account has this id. */
const serverSession = '\u0000server';

type Owner = string | null;

/**
 * The account that writes under each Yjs client id (one editing session) of a room: the first
 * to send content under it, or to announce it in presence, for as long as the room is loaded.
 *
 * Yjs takes every struct under a client id as that session's: content someone else sent under
 * your id would make your own next edits at those clocks look already stored, and they would be
 * dropped without a word (while your client says "saved"). A client id is public (it is in
 * presence and in every update), so it must be bound to an account.
 */
export class SessionOwners {
  private readonly owners = new Map<number, Owner>();
  /** Client ids the update last checked adds content under and nobody owns yet. */
  private readonly unclaimed = new Set<number>();

  /** Reserves the room doc's client id, under which the server writes lifecycle fields. */
  reserveForServer(clientId: number): void {
    this.owners.set(clientId, serverSession);
  }

  /**
   * Why `userId` may not add the new content of `update` to `doc`, or null. Content the room
   * already has (relayed by another client) does not count.
   */
  check(doc: Y.Doc, userId: Owner, update: DecodedUpdate): string | null {
    this.unclaimed.clear();
    for (const struct of update.structs) {
      const { client, clock } = struct.id;
      if (clock + struct.length <= Y.getState(doc.store, client)) continue;
      const owner = this.owners.get(client);
      if (owner === undefined) this.unclaimed.add(client);
      else if (owner !== userId) {
        return `update carries edits under another person's editing session (client ${client})`;
      }
    }
    return null;
  }

  /** After the checked update was applied: its sender owns the ids it was first to write under. */
  claimChecked(userId: Owner): void {
    for (const client of this.unclaimed) {
      if (!this.owners.has(client)) this.owners.set(client, userId);
    }
    this.unclaimed.clear();
  }

  /** True when `userId` may announce presence under `clientId` (and then owns it). */
  mayPresent(clientId: number, userId: Owner): boolean {
    const owner = this.owners.get(clientId);
    return owner === undefined || owner === userId;
  }

  /** Records a presence announcement as a claim on the client id. */
  claimPresence(clientId: number, userId: Owner): void {
    if (!this.owners.has(clientId)) this.owners.set(clientId, userId);
  }
}
