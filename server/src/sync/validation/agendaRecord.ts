import * as Y from 'yjs';
import { ItemKey, MetaKey, RootName } from '../../../../shared/doc/constants.ts';
import { isAgendaApproved } from '../../../../shared/doc/index.ts';
import { deletedItems } from './deletedItems.ts';
import type { DecodedUpdate } from './updateValidator.ts';

/**
 * Once the agenda (föredragningslistan) is approved, the minutes must be able to say what was
 * added and removed afterwards ("godkänns med tillägg av § 5a"). Clients mark that themselves
 * (shared/doc strikes instead of deleting, flags additions), but the record must not depend on
 * every client behaving, so the server holds these rules:
 * - an item is never deleted after approval (it is struck: `removedAfterApproval`), and
 *   neither is an item's `addedAfterApproval` flag;
 * - the approval itself is written once and never changed or removed by a client;
 * - an item that arrives after approval without the flag (an offline client that added it
 *   before it heard of the approval) gets the flag from the server (see `unmarkedAdditions`).
 */

/** The reason an update from a client must be refused under these rules, or null. */
export function agendaRecordProblem(doc: Y.Doc, update: DecodedUpdate): string | null {
  if (!isAgendaApproved(doc)) return null;
  const items = doc.getMap(RootName.items);
  const meta = doc.getMap(RootName.meta);
  for (const struct of deletedItems(doc, update.ds)) {
    if (struct.parentSub === null) continue;
    const parent = struct.parent;
    if (parent === items) return 'the agenda is approved: an item can be struck, not deleted';
    if (parent === meta && struct.parentSub === MetaKey.agendaApprovedAt) {
      return 'the agenda is approved: its approval cannot be changed or withdrawn';
    }
    if (
      parent instanceof Y.Map &&
      parent._item?.parent === items &&
      struct.parentSub === ItemKey.addedAfterApproval
    ) {
      return 'the agenda is approved: an addition stays marked as one';
    }
  }
  return null;
}

/**
 * Items a client's transaction created after the agenda was approved that do not carry the
 * `addedAfterApproval` flag: the room sets it for them, as the server.
 */
export function unmarkedAdditions(transaction: Y.Transaction): string[] {
  const doc = transaction.doc;
  if (!isAgendaApproved(doc)) return [];
  const items = doc.getMap<unknown>(RootName.items);
  // Yjs keys `changed` by types typed with their event; a map's event type does not unify.
  // biome-ignore lint/suspicious/noExplicitAny: the key's type parameter is irrelevant to a lookup.
  const changedKeys = transaction.changed.get(items as Y.AbstractType<any>) ?? [];
  const unmarked: string[] = [];
  for (const key of changedKeys) {
    if (key === null) continue;
    const item = items.get(key);
    if (!(item instanceof Y.Map) || item._item === null) continue;
    const { client, clock } = item._item.id;
    const createdNow = clock >= (transaction.beforeState.get(client) ?? 0);
    if (createdNow && item.get(ItemKey.addedAfterApproval) !== true) unmarked.push(key);
  }
  return unmarked;
}
