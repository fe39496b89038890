import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { CloseCode } from '../../shared/protocol/index.ts';
import { LoginThrottle } from './auth/loginThrottle.ts';
import { sessionSyncAccess } from './auth/sessionSyncAccess.ts';
import { SessionService } from './auth/sessions.ts';
import type { Config } from './config.ts';
import { ExportRenderer } from './export/renderThread.ts';
import { VersionService } from './history/versionService.ts';
import { createHttpApp } from './http/app.ts';
import { LifecycleService, type MeetingDocuments } from './lifecycle/lifecycleService.ts';
import type { Logger } from './logger.ts';
import { ServerMetrics } from './metrics.ts';
import { DecisionRegister } from './registers/decisionRegister.ts';
import type { AccountStore } from './storage/accountStore.ts';
import { GroupCommitWriter } from './storage/groupCommitWriter.ts';
import type { Storage } from './storage/storage.ts';
import { ActivityRecorder } from './sync/activityRecorder.ts';
import { RoomManager } from './sync/roomManager.ts';
import { meetingShape } from './sync/validation/meetingShape.ts';
import { attachSyncEndpoint, type SyncEndpoint } from './sync/wsTransport.ts';

export interface JusteraServerDeps {
  config: Config;
  storage: Storage;
  accounts: AccountStore;
  logger: Logger;
}

export interface JusteraServer {
  /** The HTTP application (for tests that look at its registered routes). */
  readonly app: Hono;
  readonly rooms: RoomManager;
  readonly sync: SyncEndpoint;
  /** Binds HOST:PORT and resolves with the actual port (PORT=0 picks a free one). */
  listen(): Promise<number>;
  /**
   * Graceful stop: refuse new connections, close sockets with 1001 (clients reconnect elsewhere or
   * later), commit every pending write and compact rooms. Does not close storage.
   */
  close(): Promise<void>;
}

/** Builds the whole server from its dependencies; nothing global, so tests can run several. */
export function createJusteraServer(deps: JusteraServerDeps): JusteraServer {
  const { config, storage, accounts, logger } = deps;
  const sessions = new SessionService(accounts, {
    sessionTtlMs: config.SESSION_TTL_MS,
    bearerTtlMs: config.BEARER_TOKEN_TTL_MS,
  });
  const activity = new ActivityRecorder(accounts, logger, config.ACTIVITY_FLUSH_MS);
  const renderer = new ExportRenderer();
  let sync: SyncEndpoint | null = null;
  // Gauges read the live objects when scraped; `rooms` is assigned below before any scrape.
  const metrics = new ServerMetrics({
    connections: () => sync?.connectionCount ?? 0,
    rooms: () => rooms.loadedRoomCount,
  });
  const writer = new GroupCommitWriter(storage, (seconds, updates) =>
    metrics.storageAppended(seconds, updates),
  );
  const rooms = new RoomManager({
    storage,
    writer,
    logger,
    metrics,
    idleMs: config.ROOM_IDLE_MS,
    shape: meetingShape,
    onActivity: (meetingId, userId, itemIds) => activity.record(meetingId, userId, itemIds),
    limits: {
      maxMessageBytes: config.MAX_MESSAGE_BYTES,
      maxBufferedBytes: config.MAX_BUFFERED_BYTES,
      compactAfterUpdates: config.COMPACT_AFTER_UPDATES,
      maxDocumentBytes: config.MAX_DOCUMENT_BYTES,
      maxUpdatesPerSecond: config.MAX_UPDATES_PER_SECOND,
      updateBurst: config.UPDATE_BURST,
    },
  });
  // The live meeting documents as the lifecycle and the version history see them: through the
  // room, so a server-made change is stored and broadcast exactly like a client's.
  const documents: MeetingDocuments = {
    read: (meetingId, read) => rooms.withRoom(meetingId, (room) => read(room.doc)),
    change: (meetingId, change) =>
      rooms.withRoom(meetingId, async (room) => {
        room.applyServerChange(change);
        await room.settle();
      }),
  };
  const versions = new VersionService(storage, documents);
  const register = new DecisionRegister(accounts, storage);
  const app = createHttpApp({
    config,
    storage,
    logger,
    metrics,
    api: {
      config,
      accounts,
      sessions,
      throttle: new LoginThrottle(),
      storage,
      logger,
      lifecycle: new LifecycleService(
        accounts,
        documents,
        renderer,
        (meetingId, label, reason, userId) => versions.save(meetingId, label, reason, userId),
        async (meeting) =>
          (await register.followUp(meeting)).map((assignment) => ({
            meetingDate: assignment.date,
            meetingTitle: assignment.meetingTitle,
            label: assignment.label,
            assignee: assignment.assignee,
            text: assignment.text,
            dueDate: assignment.dueDate,
          })),
      ),
      versions,
      register,
      onAccessChanged: (meetingId, userId, access) => rooms.updateAccess(meetingId, userId, access),
    },
  });
  let httpServer: Server | null = null;

  return {
    app,
    rooms,
    get sync() {
      if (!sync) throw new Error('server is not listening');
      return sync;
    },
    listen: () =>
      new Promise<number>((resolve, reject) => {
        const server = serve(
          { fetch: app.fetch, hostname: config.HOST, port: config.PORT },
          (info: AddressInfo) => resolve(info.port),
        ) as Server;
        server.once('error', reject);
        httpServer = server;
        sync = attachSyncEndpoint(server, {
          manager: rooms,
          logger,
          resolveAccess: sessionSyncAccess(accounts, sessions),
          heartbeatIntervalMs: config.HEARTBEAT_INTERVAL_MS,
          maxMessageBytes: config.MAX_MESSAGE_BYTES,
          maxConnections: config.MAX_CONNECTIONS,
          maxRooms: config.MAX_ROOMS,
          metrics,
        });
      }),
    close: async () => {
      sync?.close();
      const closed = new Promise<void>((resolve) => {
        if (!httpServer) return resolve();
        httpServer.close(() => resolve());
      });
      await rooms.shutdown(CloseCode.goingAway, 'server shutting down');
      await activity.close();
      await renderer.close();
      httpServer?.closeAllConnections();
      await closed;
    },
  };
}
