import { useSyncExternalStore } from 'react';
import { z } from 'zod';
import { readStored, writeStored } from './localStore.ts';

/** Who this browser is in a meeting: shown in presence and on the caret others see. */
export interface Identity {
  name: string;
  /** `#rrggbb`: the caret extension ignores any other colour notation. */
  color: string;
}

export const maxNameLength = 60;

const storageKey = 'justera:identity';
const identitySchema = z.object({
  name: z.string().trim().min(1).max(maxNameLength),
  color: z.string().regex(/^#[0-9a-f]{6}$/i),
});

/** Dark enough that white initials on them pass WCAG AA contrast. */
const palette = [
  '#175cd3',
  '#027a48',
  '#b42318',
  '#5925dc',
  '#b54708',
  '#0e7090',
  '#c11574',
  '#854a0e',
] as const;

const listeners = new Set<() => void>();
let cached: Identity | null | undefined;

function readIdentity(): Identity | null {
  if (cached === undefined) cached = readStored(storageKey, identitySchema);
  return cached;
}

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab may rename the person; follow it so both tabs show the same name.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== storageKey) return;
    cached = undefined;
    listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

function pickColor(): string {
  const index = crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
  return palette[index % palette.length] ?? palette[0];
}

/** Saves the display name; the colour is chosen once and kept, so a person keeps their colour. */
export function saveIdentityName(name: string): Identity {
  const identity: Identity = { name: name.trim(), color: readIdentity()?.color ?? pickColor() };
  writeStored(storageKey, identity);
  cached = identity;
  notify();
  return identity;
}

/** The stored identity, or null when this browser has not chosen a name yet. */
export function useIdentity(): Identity | null {
  return useSyncExternalStore(subscribe, readIdentity);
}
