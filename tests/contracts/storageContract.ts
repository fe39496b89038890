import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Storage } from '../../server/src/storage/storage.ts';

/**
 * The behaviour every Storage implementation must have. Each implementation's test file calls
 * this with a factory; a second implementation (PostgreSQL) must pass the same suite unchanged.
 */
export function describeStorageContract(
  name: string,
  open: () => Promise<{ storage: Storage; reopen: () => Promise<Storage> }>,
): void {
  describe(`${name} storage contract`, () => {
    function textUpdate(doc: Y.Doc, text: string): Uint8Array {
      let captured: Uint8Array | null = null;
      const capture = (update: Uint8Array) => {
        captured = update;
      };
      doc.on('update', capture);
      doc.getText('t').insert(doc.getText('t').length, text);
      doc.off('update', capture);
      if (captured === null) throw new Error('no update was produced');
      return captured;
    }

    function replay(stored: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string {
      const doc = new Y.Doc();
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
      return doc.getText('t').toString();
    }

    it('returns an empty document for a meeting never written', async () => {
      const { storage } = await open();
      const loaded = await storage.loadDocument('never');
      expect(loaded).toMatchObject({ snapshot: null, updates: [], lastSeq: 0, sessions: [] });
      expect(loaded.snapshotStateVector ?? null).toBeNull();
      await storage.close();
    });

    it("keeps a snapshot's state vector with it, and none when none was given", async () => {
      const { storage } = await open();
      const doc = new Y.Doc();
      const seqs = await storage.appendUpdates([
        { meetingId: 'm', update: textUpdate(doc, 'a'), authorId: null },
        { meetingId: 'n', update: textUpdate(doc, 'b'), authorId: null },
      ]);
      const stateVector = Y.encodeStateVector(doc);
      await storage.compact('m', Y.encodeStateAsUpdate(doc), seqs[0] ?? 0, stateVector);
      await storage.compact('n', Y.encodeStateAsUpdate(doc), seqs[1] ?? 0);
      expect((await storage.loadDocument('m')).snapshotStateVector).toEqual(stateVector);
      expect((await storage.loadDocument('n')).snapshotStateVector ?? null).toBeNull();
      await storage.close();
    });

    it('appends a batch in order with increasing sequence numbers and loads it back', async () => {
      const { storage } = await open();
      const doc = new Y.Doc();
      const updates = ['a', 'b', 'c'].map((letter) => textUpdate(doc, letter));
      const seqs = await storage.appendUpdates(
        updates.map((update) => ({ meetingId: 'm1', update, authorId: 'u1' })),
      );
      expect(seqs).toHaveLength(3);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(3);
      const loaded = await storage.loadDocument('m1');
      expect(loaded.updates.map((update) => [...update])).toEqual(
        updates.map((update) => [...update]),
      );
      expect(loaded.lastSeq).toBe(seqs[2]);
      expect(replay(loaded)).toBe('abc');
      await storage.close();
    });

    it('keeps meetings apart', async () => {
      const { storage } = await open();
      await storage.appendUpdates([
        { meetingId: 'a', update: textUpdate(new Y.Doc(), 'för a'), authorId: null },
        { meetingId: 'b', update: textUpdate(new Y.Doc(), 'för b'), authorId: null },
      ]);
      expect(replay(await storage.loadDocument('a'))).toBe('för a');
      expect(replay(await storage.loadDocument('b'))).toBe('för b');
      await storage.close();
    });

    it('compacts into a snapshot and keeps updates appended after the compaction point', async () => {
      const { storage } = await open();
      const doc = new Y.Doc();
      const seqs = await storage.appendUpdates(
        ['1', '2', '3'].map((digit) => ({
          meetingId: 'm',
          update: textUpdate(doc, digit),
          authorId: null,
        })),
      );
      const upTo = seqs[2] ?? 0;
      const snapshot = Y.encodeStateAsUpdate(doc);
      // A write that lands while the snapshot was being made must survive the compaction.
      await storage.appendUpdates([
        { meetingId: 'm', update: textUpdate(doc, '4'), authorId: null },
      ]);
      await storage.compact('m', snapshot, upTo);
      const loaded = await storage.loadDocument('m');
      expect(loaded.snapshot).not.toBeNull();
      expect(loaded.updates).toHaveLength(1);
      expect(replay(loaded)).toBe('1234');
      expect(loaded.lastSeq).toBeGreaterThan(upTo);
      await storage.close();
    });

    it('keeps everything committed across a close and reopen', async () => {
      const { storage, reopen } = await open();
      await storage.appendUpdates([
        { meetingId: 'kept', update: textUpdate(new Y.Doc(), 'beslut'), authorId: 'u' },
      ]);
      await storage.close();
      const reopened = await reopen();
      expect(replay(await reopened.loadDocument('kept'))).toBe('beslut');
      await reopened.ping();
      await reopened.close();
    });

    it('stores the session claims of an update with it and loads them back, per meeting', async () => {
      const { storage } = await open();
      const anna = new Y.Doc();
      const bertil = new Y.Doc();
      await storage.appendUpdates([
        {
          meetingId: 's',
          update: textUpdate(anna, 'Anna'),
          authorId: 'anna',
          claims: [anna.clientID],
        },
        { meetingId: 's', update: textUpdate(anna, ' igen'), authorId: 'anna' },
        {
          meetingId: 'other',
          update: textUpdate(bertil, 'Bertil'),
          authorId: 'bertil',
          claims: [bertil.clientID],
        },
        // A server-made change has no author, and claims nothing.
        { meetingId: 's', update: textUpdate(new Y.Doc(), '.'), authorId: null, claims: [7] },
      ]);
      expect((await storage.loadDocument('s')).sessions).toEqual([
        { clientId: anna.clientID, userId: 'anna' },
      ]);
      expect((await storage.loadDocument('other')).sessions).toEqual([
        { clientId: bertil.clientID, userId: 'bertil' },
      ]);
      await storage.close();
    });

    it('keeps the first claim of a client id, within a batch and across batches', async () => {
      const { storage } = await open();
      const doc = new Y.Doc();
      await storage.appendUpdates([
        { meetingId: 'c', update: textUpdate(doc, 'a'), authorId: 'anna', claims: [1, 2] },
        { meetingId: 'c', update: textUpdate(doc, 'b'), authorId: 'bertil', claims: [2] },
      ]);
      await storage.appendUpdates([
        { meetingId: 'c', update: textUpdate(doc, 'c'), authorId: 'bertil', claims: [1, 3] },
      ]);
      const { sessions } = await storage.loadDocument('c');
      expect([...sessions].sort((a, b) => a.clientId - b.clientId)).toEqual([
        { clientId: 1, userId: 'anna' },
        { clientId: 2, userId: 'anna' },
        { clientId: 3, userId: 'bertil' },
      ]);
      await storage.close();
    });

    it('keeps session claims across a compaction and a close and reopen', async () => {
      const { storage, reopen } = await open();
      const doc = new Y.Doc();
      const [seq] = await storage.appendUpdates([
        { meetingId: 'k', update: textUpdate(doc, 'protokoll'), authorId: 'u', claims: [42] },
      ]);
      await storage.compact('k', Y.encodeStateAsUpdate(doc), seq ?? 0);
      await storage.close();
      const reopened = await reopen();
      const loaded = await reopened.loadDocument('k');
      expect(loaded.updates).toEqual([]);
      expect(loaded.sessions).toEqual([{ clientId: 42, userId: 'u' }]);
      await reopened.close();
    });

    it('keeps save points of a document and gives back exactly their state', async () => {
      const { storage } = await open();
      const doc = new Y.Doc();
      textUpdate(doc, 'utkast');
      const first = await storage.saveVersion({
        meetingId: 'v',
        label: 'Låst',
        reason: null,
        createdBy: 'u1',
        state: Y.encodeStateAsUpdate(doc),
      });
      textUpdate(doc, ' rättat');
      const second = await storage.saveVersion({
        meetingId: 'v',
        label: 'Rättelse',
        reason: 'stavfel',
        createdBy: 'u1',
        state: Y.encodeStateAsUpdate(doc),
      });
      expect(second).toBeGreaterThan(first);
      const versions = await storage.listVersions('v');
      expect(versions.map((version) => [version.label, version.reason])).toEqual([
        ['Låst', null],
        ['Rättelse', 'stavfel'],
      ]);
      const loaded = await storage.loadVersion('v', first);
      expect(replay({ snapshot: loaded?.state ?? null, updates: [] })).toBe('utkast');
      expect(await storage.loadVersion('other', first)).toBeNull();
      await storage.close();
    });
  });
}
