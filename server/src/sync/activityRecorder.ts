import type { Logger } from '../logger.ts';
import type { AccountStore } from '../storage/accountStore.ts';

/**
 * Collects who changed which agenda items and writes it to the audit log in coarse batches: a
 * secretary typing for a minute is one line ("Sara edited § 4 and § 5"), not thousands.
 */
export class ActivityRecorder {
  /** meetingId → userId → item ids touched since the last flush. */
  private readonly pending = new Map<string, Map<string | null, Set<string>>>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly accounts: AccountStore,
    private readonly logger: Logger,
    flushIntervalMs: number,
  ) {
    this.timer = setInterval(() => void this.flush(), flushIntervalMs);
    this.timer.unref();
  }

  record(meetingId: string, userId: string | null, itemIds: Iterable<string>): void {
    let byUser = this.pending.get(meetingId);
    if (!byUser) {
      byUser = new Map();
      this.pending.set(meetingId, byUser);
    }
    let items = byUser.get(userId);
    if (!items) {
      items = new Set();
      byUser.set(userId, items);
    }
    for (const itemId of itemIds) items.add(itemId);
  }

  /** Writes everything collected so far (also called on shutdown). */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const at = Date.now();
    const entries = [...this.pending].flatMap(([meetingId, byUser]) =>
      [...byUser].map(([userId, items]) => ({
        meetingId,
        userId,
        action: 'edit',
        itemIds: [...items].sort(),
        at,
      })),
    );
    this.pending.clear();
    try {
      await this.accounts.appendAudit(entries);
    } catch (error) {
      // The document itself is stored; losing an audit batch must not take the room down.
      this.logger.error(
        { err: error, entries: entries.length },
        'could not write the activity log',
      );
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
