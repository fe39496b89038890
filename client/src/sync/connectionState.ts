import type { WebsocketProvider } from 'y-websocket';
import { isPermanentCloseCode } from '../../../shared/protocol/index.ts';
import type { SavedStateTracker } from './savedState.ts';

/**
 * `saved` and `saving` are the two connected states: everything is stored on the server, or some
 * local change is not confirmed as stored yet.
 */
export type ConnectionStatus =
  | 'saved'
  | 'saving'
  | 'connecting'
  | 'reconnecting'
  | 'offline'
  | 'refused';

/** The server closed the socket with a permanent (44xx) code: y-websocket stops retrying. */
export interface Refusal {
  code: number;
  /** The close reason as the server sent it (may be empty). */
  reason: string;
}

export interface ConnectionSnapshot {
  status: ConnectionStatus;
  refusal: Refusal | null;
}

export interface ConnectionFacts {
  /** The browser believes it has a network (navigator.onLine). */
  online: boolean;
  /** The socket is open. */
  socketOpen: boolean;
  /** The server answered our sync step 1, so both sides have each other's changes. */
  synced: boolean;
  /** The server confirmed it has stored everything in the local document (see savedState.ts). */
  saved: boolean;
  /** A connection was open before, or an attempt has already failed: we are trying again. */
  triedBefore: boolean;
  refusal: Refusal | null;
}

/**
 * What the connection badge shows. Connected ("saved"/"saving") only once the first sync round
 * trip is done, because before that the others do not see our changes yet.
 */
export function deriveConnectionStatus(facts: ConnectionFacts): ConnectionStatus {
  if (facts.refusal !== null) return 'refused';
  if (!facts.online) return 'offline';
  if (facts.socketOpen && facts.synced) return facts.saved ? 'saved' : 'saving';
  return facts.triedBefore ? 'reconnecting' : 'connecting';
}

/**
 * Follows a provider and the browser's network state and exposes one immutable snapshot, in the
 * shape `useSyncExternalStore` wants.
 */
export class ConnectionMonitor {
  private readonly listeners = new Set<() => void>();
  private facts: ConnectionFacts;
  private snapshot: ConnectionSnapshot;
  private readonly cleanups: Array<() => void> = [];

  constructor(
    private readonly provider: WebsocketProvider,
    savedState: SavedStateTracker,
  ) {
    this.facts = {
      online: navigator.onLine,
      socketOpen: provider.wsconnected,
      synced: provider.synced,
      saved: savedState.isSaved,
      triedBefore: false,
      refusal: null,
    };
    this.snapshot = this.compute();

    const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
      this.update({
        socketOpen: status === 'connected',
        triedBefore: this.facts.triedBefore || status === 'disconnected',
      });
    };
    const onSync = (synced: boolean) => this.update({ synced });
    const onConnectionClose = () =>
      this.update({ socketOpen: false, synced: false, triedBefore: true });
    const onClosed = (event: { code: number; reason: string }) => {
      if (isPermanentCloseCode(event.code)) {
        this.update({ refusal: { code: event.code, reason: event.reason } });
      }
    };
    const onOnline = () => {
      this.update({ online: true });
      // Do not wait for the back-off timer: the network is back now.
      if (this.facts.refusal === null) provider.connect();
    };
    const onOffline = () => this.update({ online: false });

    const onSaved = () => this.update({ saved: savedState.isSaved });

    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('connection-close', onConnectionClose);
    provider.on('closed', onClosed);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    this.cleanups.push(
      savedState.subscribe(onSaved),
      () => provider.off('status', onStatus),
      () => provider.off('sync', onSync),
      () => provider.off('connection-close', onConnectionClose),
      () => provider.off('closed', onClosed),
      () => window.removeEventListener('online', onOnline),
      () => window.removeEventListener('offline', onOffline),
    );
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ConnectionSnapshot => this.snapshot;

  /** After a refusal: try once more (for example after the cause was fixed elsewhere). */
  retry(): void {
    this.update({ refusal: null, triedBefore: true });
    this.provider.connect();
  }

  destroy(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.listeners.clear();
  }

  private update(change: Partial<ConnectionFacts>): void {
    this.facts = { ...this.facts, ...change };
    const next = this.compute();
    if (next.status === this.snapshot.status && next.refusal === this.snapshot.refusal) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private compute(): ConnectionSnapshot {
    return { status: deriveConnectionStatus(this.facts), refusal: this.facts.refusal };
  }
}
