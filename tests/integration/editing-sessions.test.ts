import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SavedStateTracker } from '../../client/src/sync/savedState.ts';
import { CloseCode } from '../../shared/protocol/index.ts';
import { inviteToMeeting } from '../helpers/people.ts';
import { useProcessFixtures } from '../helpers/processFixtures.ts';
import { startServerProcess } from '../helpers/serverProcess.ts';
import { connectClient, waitFor } from '../helpers/syncClient.ts';
import { openSocket, syncUpdateFrame } from '../helpers/wire.ts';

/**
 * Each Yjs client id (editing session) belongs to the account that first wrote under it, and
 * the server keeps that with the update log: a restarted server must not hand a session to
 * whoever reconnects first, or its owner's next edits would be refused.
 */
describe('editing sessions across a restart', () => {
  const { processes, clients, startWithWriter } = useProcessFixtures();

  it('refuses a peer who comes back first with content under the session of another, whose owner keeps writing', async () => {
    const started = await startWithWriter();
    const { dataDir, server, meetingId, writer: anna } = started;
    const bertil = await inviteToMeeting(server.url, started, 'chair', 'Bertil Berg');
    const tracker = new SavedStateTracker(anna.provider);
    await anna.synced;
    anna.text.insert(0, 'Annas första rad. ');
    await waitFor(() => tracker.isSaved, 'the first edit was never saved');

    // Anna types on while the server is gone; the restarted server lacks her new edit, as it
    // would lack a commit that a power cut took before its fsync, after peers had received it.
    anna.provider.disconnect();
    const onServer = Y.encodeStateVector(anna.doc);
    anna.text.insert(0, 'skrivet offline. ');
    await server.kill();
    const restarted = await startServerProcess({ dataDir, port: server.port });
    processes.push(restarted);

    // Bertil reconnects first, and his sync step 2 relays Anna's edit under her client id.
    const socket = await openSocket(`${restarted.syncUrl}/${meetingId}?token=${bertil.token}`);
    const closed = new Promise<{ code: number; reason: string } | 'still open'>((resolve) => {
      const timer = setTimeout(() => resolve('still open'), 5000);
      socket.once('close', (code: number, reason: Buffer) => {
        clearTimeout(timer);
        resolve({ code, reason: reason.toString() });
      });
    });
    socket.send(syncUpdateFrame(Y.encodeStateAsUpdate(anna.doc, onServer)));
    expect(await closed).toMatchObject({
      code: CloseCode.invalidUpdate,
      reason: expect.stringContaining("another person's editing session"),
    });

    // Anna, back with the same document, sends her edit herself and keeps editing.
    const annaCloses: number[] = [];
    anna.provider.on('closed', ({ code }) => annaCloses.push(code));
    anna.provider.connect();
    await waitFor(() => tracker.isSaved, 'the offline edit was never saved', 20_000);
    anna.text.insert(0, 'Efter omstarten. ');
    await waitFor(() => tracker.isSaved, 'the edit after the restart was never saved');
    expect(annaCloses).toEqual([]);
    tracker.destroy();

    const reader = connectClient(restarted.syncUrl, meetingId, 'reader', bertil.token);
    clients.push(reader);
    await reader.synced;
    expect(reader.text.toString()).toBe('Efter omstarten. skrivet offline. Annas första rad. ');
  }, 60_000);
});
