import { useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import type { ConnectionStatus } from '../sync/connectionState.ts';

const labels: Record<ConnectionStatus, { label: MessageKey; hint: MessageKey }> = {
  saved: { label: 'connection.saved', hint: 'connection.savedHint' },
  saving: { label: 'connection.saving', hint: 'connection.savingHint' },
  connecting: { label: 'connection.connecting', hint: 'connection.connectingHint' },
  reconnecting: { label: 'connection.reconnecting', hint: 'connection.offlineHint' },
  offline: { label: 'connection.offline', hint: 'connection.offlineHint' },
  refused: { label: 'connection.refused', hint: 'connection.refusedHelp' },
};

/**
 * Whether what one types is stored on the server, on its way, or kept on this device only.
 * Changes are announced politely, except the saved → saving → saved round of every keystroke,
 * which would make a screen reader talk over the typing: from "saved", the live region keeps its
 * text while the change is being saved.
 */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useI18n();
  const { label, hint } = labels[status];
  const announced = useRef<MessageKey>(label);
  if (status !== 'saving' || announced.current !== 'connection.saved') announced.current = label;
  return (
    <p className="connection-badge" data-status={status} title={t(hint)}>
      <span className="connection-badge__dot" aria-hidden="true" />
      <span className="visually-hidden">{t('connection.label')}: </span>
      <span className="connection-badge__label">{t(label)}</span>
      <span className="visually-hidden" role="status" aria-live="polite">
        {t(announced.current)}
      </span>
    </p>
  );
}
