import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SavedStateTracker } from '../../client/src/sync/savedState.ts';
import { MessageType } from '../../shared/protocol/index.ts';
import { useProcessFixtures } from '../helpers/processFixtures.ts';
import { startServerProcess } from '../helpers/serverProcess.ts';
import { connectClient, type SyncClient, waitFor } from '../helpers/syncClient.ts';

/** True when everything in `local` is contained in the state vector the server reported. */
function covered(local: Uint8Array, saved: Uint8Array | null): boolean {
  if (saved === null) return false;
  const stored = Y.decodeStateVector(saved);
  for (const [client, clock] of Y.decodeStateVector(local)) {
    if ((stored.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/** Subscribes a y-websocket client to Justera's saved-state messages (type 4). */
function trackSaved(client: SyncClient): { latest: () => Uint8Array | null } {
  let latest: Uint8Array | null = null;
  const provider = client.provider as unknown as {
    messageHandlers: Array<(encoder: unknown, decoder: decoding.Decoder) => void>;
    ws: WebSocket | null;
  };
  provider.messageHandlers[MessageType.savedState] = (_encoder, decoder) => {
    latest = decoding.readVarUint8Array(decoder);
  };
  const subscribe = () => provider.ws?.send(new Uint8Array([MessageType.savedState]));
  client.provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') subscribe();
  });
  if (client.provider.wsconnected) subscribe();
  return { latest: () => latest };
}

describe('"all changes saved" means stored on the server', () => {
  const { processes, clients, startWithWriter, readAfterRestart } = useProcessFixtures();

  it('reports a stored state that covers an edit only once it survives a SIGKILL', async () => {
    const { dataDir, server, meetingId, token, writer } = await startWithWriter();
    await writer.synced;
    const saved = trackSaved(writer);
    await waitFor(
      () => covered(Y.encodeStateVector(writer.doc), saved.latest()),
      'no saved state for the synced document',
    );

    writer.text.insert(0, 'sparat på servern. ');
    // Right after the local edit the saved state cannot cover it yet…
    expect(covered(Y.encodeStateVector(writer.doc), saved.latest())).toBe(false);
    // …and once it does, the edit is durable: it survives killing the server at once.
    await waitFor(
      () => covered(Y.encodeStateVector(writer.doc), saved.latest()),
      'the edit was never confirmed as stored',
    );
    await server.kill();
    writer.destroy();
    clients.pop();

    const reader = await readAfterRestart(dataDir, meetingId, token);
    expect(reader.text.toString()).toContain('sparat på servern.');
  });

  it("the client's tracker says saved only once an edit — a deletion too — is stored", async () => {
    const { dataDir, server, meetingId, token, writer } = await startWithWriter();
    const tracker = new SavedStateTracker(writer.provider);
    await writer.synced;
    await waitFor(() => tracker.isSaved, 'never saved after the first sync');

    writer.text.insert(0, 'stryks delvis. ');
    expect(tracker.isSaved).toBe(false);
    await waitFor(() => tracker.isSaved, 'the insertion was never confirmed');

    // A deletion leaves the state vector as it was: only the request number shows it is stored.
    const stateVector = Y.encodeStateVector(writer.doc);
    writer.text.delete(0, 'stryks '.length);
    expect(Y.encodeStateVector(writer.doc)).toEqual(stateVector);
    expect(tracker.isSaved).toBe(false);
    await waitFor(() => tracker.isSaved, 'the deletion was never confirmed');
    await server.kill();
    tracker.destroy();
    writer.destroy();
    clients.pop();

    const reader = await readAfterRestart(dataDir, meetingId, token);
    expect(reader.text.toString()).toContain('delvis.');
    expect(reader.text.toString()).not.toContain('stryks');
  });

  it('is saving while offline edits wait, and saved once they reached the restarted server', async () => {
    const { dataDir, server, meetingId, token, writer } = await startWithWriter();
    const tracker = new SavedStateTracker(writer.provider);
    await writer.synced;
    await waitFor(() => tracker.isSaved, 'never saved after the first sync');

    await server.kill();
    await waitFor(() => !writer.provider.wsconnected, 'the client never noticed the kill');
    writer.text.insert(0, 'skrivet medan servern låg nere. ');
    expect(tracker.isSaved).toBe(false);

    const restarted = await startServerProcess({ dataDir, port: server.port });
    processes.push(restarted);
    await waitFor(() => tracker.isSaved, 'the offline edit was never confirmed', 20_000);
    await restarted.kill();
    tracker.destroy();

    const again = await startServerProcess({ dataDir });
    processes.push(again);
    const reader = connectClient(again.syncUrl, meetingId, 'reader', token);
    clients.push(reader);
    await reader.synced;
    expect(reader.text.toString()).toContain('skrivet medan servern låg nere.');
  }, 60_000);
});
