// Lower-case letters and digits without the look-alikes (l, o, 0, 1): easy to read aloud and
// type from a projector. 32 symbols, so a byte modulo 32 picks one without bias.
const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A fresh random meeting id (12 symbols, 60 bits): unguessable enough to share as a link. */
export function newMeetingId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * Accepts what people paste into the "meeting ID" field: the bare id, or a whole meeting link
 * (`https://…/m/<id>`), from which the id is taken.
 */
export function meetingIdFromInput(input: string): string {
  const trimmed = input.trim();
  const fromLink = /\/m\/([^/?#\s]+)/.exec(trimmed)?.[1];
  if (fromLink === undefined) return trimmed;
  try {
    return decodeURIComponent(fromLink);
  } catch {
    // A broken %-escape: leave it as typed so validation reports it.
    return fromLink;
  }
}
