import type { DocumentAccess } from '../../../shared/api/roles.ts';
import type { Logger } from '../logger.ts';
import type { SyncMetrics } from '../metrics.ts';
import type { GroupCommitWriter } from '../storage/groupCommitWriter.ts';
import type { Storage } from '../storage/storage.ts';
import { Room, type RoomLimits } from './room.ts';
import type { DocumentShape } from './validation/shape.ts';

export interface RoomManagerOptions {
  storage: Storage;
  writer: GroupCommitWriter;
  logger: Logger;
  metrics: SyncMetrics;
  limits: RoomLimits;
  /** Receives who changed which items (see Room). */
  onActivity: (meetingId: string, userId: string | null, itemIds: Set<string>) => void;
  /** The document shape every room validates client updates against. */
  shape: DocumentShape;
  /** How long an empty room stays loaded (a quick reconnect must not reload it). */
  idleMs: number;
}

/**
 * Creates and drops rooms. Concurrent first joins of a meeting share one load; a room is unloaded
 * only when it has been empty for `idleMs` and its writes are committed; a join that arrives while
 * a room is unloading waits for the unload and then loads fresh state.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: RoomManagerOptions) {}

  get loadedRoomCount(): number {
    return this.rooms.size;
  }

  /** True when the meeting is in memory or on its way there (joining it adds no room). */
  isActive(meetingId: string): boolean {
    return this.rooms.has(meetingId) || this.loading.has(meetingId);
  }

  /** The loaded room of a meeting, if any (for tests and metrics). */
  peek(meetingId: string): Room | undefined {
    return this.rooms.get(meetingId);
  }

  /** Applies a user's changed access to their open connections in a loaded meeting. */
  updateAccess(meetingId: string, userId: string, access: DocumentAccess | null): void {
    this.rooms.get(meetingId)?.updateAccess(userId, access);
  }

  /** Runs `use` on the meeting's room (loading it if needed) and lets it idle out afterwards. */
  async withRoom<T>(meetingId: string, use: (room: Room) => T | Promise<T>): Promise<T> {
    const room = await this.acquire(meetingId);
    try {
      return await use(room);
    } finally {
      this.releaseIfEmpty(room);
    }
  }

  /** The room of `meetingId`, loaded from storage if needed. */
  acquire(meetingId: string): Promise<Room> {
    this.cancelIdleTimer(meetingId);
    const loaded = this.rooms.get(meetingId);
    if (loaded) return Promise.resolve(loaded);
    const inProgress = this.loading.get(meetingId);
    if (inProgress) return inProgress;
    const load = this.load(meetingId).finally(() => this.loading.delete(meetingId));
    this.loading.set(meetingId, load);
    return load;
  }

  /** Starts the idle countdown if the room has nobody in it (e.g. the joiner left while it loaded). */
  releaseIfEmpty(room: Room): void {
    if (room.connectionCount === 0 && this.rooms.get(room.meetingId) === room) {
      this.scheduleUnload(room);
    }
  }

  /** Closes every connection with `code`, commits pending writes and unloads every room. */
  async shutdown(code: number, reason: string): Promise<void> {
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    await Promise.allSettled(this.loading.values());
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    for (const room of rooms) room.closeConnections(code, reason);
    await this.options.writer.drain();
    await Promise.allSettled([...rooms.map((room) => room.unload()), ...this.unloading.values()]);
  }

  private async load(meetingId: string): Promise<Room> {
    await this.unloading.get(meetingId);
    const started = performance.now();
    const stored = await this.options.storage.loadDocument(meetingId);
    const room = new Room(meetingId, stored, {
      appendUpdate: (entry) => this.options.writer.append(entry),
      whenDurable: () => this.options.writer.whenDurable(),
      compact: (id, snapshot, upToSeq, stateVector) =>
        this.options.storage.compact(id, snapshot, upToSeq, stateVector),
      logger: this.options.logger,
      metrics: this.options.metrics,
      limits: this.options.limits,
      shape: this.options.shape,
      onActivity: this.options.onActivity,
      onEmpty: (emptyRoom) => this.scheduleUnload(emptyRoom),
      onFailed: (failedRoom) => {
        if (this.rooms.get(failedRoom.meetingId) === failedRoom) this.rooms.delete(meetingId);
      },
    });
    this.rooms.set(meetingId, room);
    this.options.logger.info(
      {
        meetingId,
        ms: Math.round(performance.now() - started),
        updates: stored.updates.length,
        snapshotBytes: stored.snapshot?.byteLength ?? 0,
      },
      'room loaded',
    );
    return room;
  }

  private scheduleUnload(room: Room): void {
    this.cancelIdleTimer(room.meetingId);
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.meetingId);
      if (room.connectionCount > 0 || this.rooms.get(room.meetingId) !== room) return;
      this.rooms.delete(room.meetingId);
      const unload = room
        .unload()
        .then(() => this.options.logger.info({ meetingId: room.meetingId }, 'room unloaded'))
        .catch((error: unknown) =>
          this.options.logger.error({ meetingId: room.meetingId, err: error }, 'unload failed'),
        )
        .finally(() => this.unloading.delete(room.meetingId));
      this.unloading.set(room.meetingId, unload);
    }, this.options.idleMs);
    this.idleTimers.set(room.meetingId, timer);
  }

  private cancelIdleTimer(meetingId: string): void {
    const timer = this.idleTimers.get(meetingId);
    if (timer) {
      clearTimeout(timer);
      this.idleTimers.delete(meetingId);
    }
  }
}
