/** The WebSocket protocol limits a close reason to 123 bytes of UTF-8. */
export const maxCloseReasonBytes = 123;

/** Shortens `reason` to fit a close frame, on a character boundary, marking the cut with "…". */
export function fitCloseReason(reason: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(reason).byteLength <= maxCloseReasonBytes) return reason;
  let fitted = '';
  // "…" takes 3 bytes.
  for (const char of reason) {
    if (encoder.encode(`${fitted}${char}`).byteLength > maxCloseReasonBytes - 3) break;
    fitted += char;
  }
  return `${fitted}…`;
}
