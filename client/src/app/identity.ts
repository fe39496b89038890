import { useMemo } from 'react';
import { z } from 'zod';
import { type Session, useSession } from '../auth/session.ts';
import { readStored, writeStored } from './localStore.ts';

/** Who this browser is in a meeting: shown in presence and on the caret others see. */
export interface Identity {
  name: string;
  /** `#rrggbb`: the caret extension ignores any other colour notation. */
  color: string;
}

export const maxNameLength = 60;

const colorKey = 'justera:color';
// Earlier versions stored a chosen name and colour here; the colour is kept, the name now comes
// from the account.
const legacyIdentityKey = 'justera:identity';
const colorSchema = z.string().regex(/^#[0-9a-f]{6}$/i);

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

let color: string | undefined;

/** This browser's caret colour: chosen once and kept, so a person keeps their colour. */
function browserColor(): string {
  if (color !== undefined) return color;
  color =
    readStored(colorKey, colorSchema) ??
    readStored(legacyIdentityKey, z.object({ color: colorSchema }))?.color ??
    pickColor();
  writeStored(colorKey, color);
  return color;
}

function pickColor(): string {
  const index = crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
  return palette[index % palette.length] ?? palette[0];
}

/** The display name others see: the account's name (from GET /api/auth/me). */
export function displayNameOf(session: Session): string | null {
  if (session.status === 'signedIn') return session.user.name.slice(0, maxNameLength);
  if (session.status === 'unreachable' && session.user !== null) {
    return session.user.name.slice(0, maxNameLength);
  }
  return null;
}

/**
 * The signed-in person as a meeting shows them, or null when nobody is signed in. The app only
 * renders meeting pages for signed-in people, so inside a meeting this is never null.
 */
export function useIdentity(): Identity | null {
  const name = displayNameOf(useSession());
  // One object per name: the workspace passes it on to the sync session and the editor.
  return useMemo(() => (name === null ? null : { name, color: browserColor() }), [name]);
}

/**
 * @deprecated The name now comes from the account; kept only so the old join page still
 * compiles until it is removed. It changes nothing the server or other people see.
 */
export function saveIdentityName(name: string): Identity {
  return { name: name.trim(), color: browserColor() };
}
