import * as Y from 'yjs';
import type { DecodedUpdate } from './updateValidator.ts';

/**
 * The live items of the room's document that an update's delete set would delete. Ranges beyond
 * what the room has are skipped: they delete content the update itself (or nobody) brings.
 */
export function* deletedItems(doc: Y.Doc, ds: DecodedUpdate['ds']): Generator<Y.Item> {
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs) continue;
    const known = Y.getState(doc.store, client);
    for (const range of ranges) {
      if (range.clock >= known) continue;
      for (let index = Y.findIndexSS(structs, range.clock); index < structs.length; index += 1) {
        const struct = structs[index];
        if (!struct || struct.id.clock >= range.clock + range.len) break;
        if (struct instanceof Y.Item && !struct.deleted) yield struct;
      }
    }
  }
}
