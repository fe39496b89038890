import { CloseCode } from '../../../shared/protocol/index.ts';
import type { MessageKey } from '../i18n/messages.ts';

const reasonKeys: Record<number, MessageKey> = {
  [CloseCode.malformedMessage]: 'closeReason.malformed',
  [CloseCode.unauthenticated]: 'closeReason.unauthenticated',
  [CloseCode.forbidden]: 'closeReason.forbidden',
  [CloseCode.messageTooLarge]: 'closeReason.tooLarge',
  [CloseCode.unsupportedData]: 'closeReason.unsupportedData',
  [CloseCode.invalidUpdate]: 'closeReason.invalidUpdate',
};

/** The translated, human explanation of a permanent close code. */
export function closeReasonKey(code: number): MessageKey {
  return reasonKeys[code] ?? 'closeReason.other';
}
