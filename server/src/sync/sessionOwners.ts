import * as Y from 'yjs';
import type { SessionOwner } from '../storage/storage.ts';
import type { DecodedUpdate } from './validation/updateValidator.ts';

/** The owner of the room doc's own client id: no account has this id. */
const serverSession = '\u0000server';

type Owner = string | null;

/**
 * The account that writes under each Yjs client id (one editing session) of a room: the first
 * to send content under it, or to announce it in presence.
 *
 * Yjs takes every struct under a client id as that session's: content someone else sent under
 * your id would make your own next edits at those clocks look already stored, and they would be
 * dropped without a word (while your client says "saved"). A client id is public (it is in
 * presence and in every update), so it must be bound to an account.
 *
 * A claim by content is stored with the update that makes it (UpdateEntry.claims, in the same
 * transaction), and a room loaded again starts from the stored owners. Otherwise, after an
 * unload, a restart, or a power cut that lost updates not yet on disk, whoever came first could
 * take your session (a peer relaying your structs in its sync step 2 is enough), and your next
 * edits under it would be refused. A claim is exactly as durable as its content: if a power cut
 * loses the first content under an id, the claim goes with it, and whoever sends that content
 * first owns the id. A claim by presence alone stays in memory: there is no content under the
 * id to protect, and the claim is stored with the first content.
 */
export class SessionOwners {
  private readonly owners = new Map<number, Owner>();
  /** Client ids claimed by content: stored with it (for an account; see UpdateEntry.claims). */
  private readonly byContent = new Set<number>();
  /** Client ids the update last checked adds the first content (of its sender) under. */
  private readonly unclaimed = new Set<number>();

  /** Starts from the owners kept in storage (StoredDocument.sessions). */
  constructor(stored: Iterable<SessionOwner> = []) {
    for (const { clientId, userId } of stored) {
      this.owners.set(clientId, userId);
      this.byContent.add(clientId);
    }
  }

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
      if (owner !== undefined && owner !== userId) {
        this.unclaimed.clear();
        return `update carries edits under another person's editing session (client ${client})`;
      }
      // Unowned, or owned by this sender through presence only: the claim is to be stored.
      if (!this.byContent.has(client)) this.unclaimed.add(client);
    }
    return null;
  }

  /**
   * When the checked update has been applied (from the doc's update event, so a part Yjs
   * integrated before throwing counts too): its sender owns the ids it was first to write under.
   * Returns those ids, the claims to store with the update.
   */
  claimChecked(userId: Owner): number[] {
    const claimed: number[] = [];
    for (const client of this.unclaimed) {
      const owner = this.owners.get(client);
      if (owner !== undefined && owner !== userId) continue;
      this.owners.set(client, userId);
      this.byContent.add(client);
      claimed.push(client);
    }
    this.unclaimed.clear();
    return claimed;
  }

  /** True when `userId` may announce presence under `clientId` (and then owns it). */
  mayPresent(clientId: number, userId: Owner): boolean {
    const owner = this.owners.get(clientId);
    return owner === undefined || owner === userId;
  }

  /** Records a presence announcement as a claim on the client id (in memory only). */
  claimPresence(clientId: number, userId: Owner): void {
    if (!this.owners.has(clientId)) this.owners.set(clientId, userId);
  }
}
