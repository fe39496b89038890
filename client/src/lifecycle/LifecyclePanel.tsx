import { useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { LifecycleState, MeetingDetail } from '../../../shared/api/index.ts';
import type { ApiFailure, ApiResult } from '../api/http.ts';
import { correctMinutes, signMinutes, takeLifecycleStep } from '../api/lifecycle.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { followInApp } from '../app/navigation.ts';
import { meetingHistoryPath } from '../app/routes.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { CommandDialog, type CommandInput, dialogCommands } from './CommandDialog.tsx';
import { ExportMenu } from './ExportMenu.tsx';
import { LockBanner } from './LockBanner.tsx';
import { commandLabels, lifecycleErrorKeys, statusLabels } from './labels.ts';
import { availableCommands, type LifecycleCommand } from './lifecycleRules.ts';
import { useLifecycle } from './useLifecycle.ts';

export interface LifecyclePanelProps {
  meetingId: string;
  /** The meeting with the caller's role; null until it has loaded. */
  meeting: MeetingDetail | null;
  /** The live meeting document, to notice steps others take; null outside the workspace. */
  doc: Y.Doc | null;
  myUserId: string | null;
}

function perform(
  meetingId: string,
  command: LifecycleCommand,
  input: CommandInput,
): Promise<ApiResult<LifecycleState>> {
  switch (command) {
    case 'sign':
      return signMinutes(meetingId);
    case 'correct':
      return correctMinutes(meetingId, input.reason ?? '');
    case 'post':
      return takeLifecycleStep(meetingId, {
        action: 'post',
        postedFrom: input.posting?.postedFrom ?? '',
        postedTo: input.posting?.postedTo ?? '',
        storagePlace: input.posting?.storagePlace ?? '',
      });
    default:
      return takeLifecycleStep(meetingId, { action: command });
  }
}

/**
 * The meeting's lifecycle in its header: the status, the steps this person's role allows now
 * (each refused step explained), the version history and the exports, and while the minutes are
 * locked a banner with the signatures.
 */
export function LifecyclePanel({ meetingId, meeting, doc, myUserId }: LifecyclePanelProps) {
  const { t } = useI18n();
  const rolesKey = JSON.stringify(meeting?.roles ?? []);
  const lifecycle = useLifecycle(meetingId, doc, rolesKey);
  const [dialog, setDialog] = useState<LifecycleCommand | null>(null);
  const [busy, setBusy] = useState<LifecycleCommand | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLSpanElement>(null);
  const triggerRef = useRef<HTMLButtonElement | null>(null);

  const state = lifecycle.state;
  const role = meeting?.myRole ?? null;
  // Offline the connection badge already says so; only a refusal by the server is news here.
  const loadFailed =
    lifecycle.failure !== null && lifecycle.failure.kind === 'http' && state === null;
  const commands = state !== null && role !== null ? availableCommands(state, role, myUserId) : [];

  const describe = (failure: ApiFailure): string => {
    const key = failure.kind === 'http' ? lifecycleErrorKeys[failure.code] : undefined;
    return t(key ?? apiErrorKey(failure));
  };

  /** Back to the button that opened the dialog, or to the status when that button is gone. */
  const restoreFocus = () => {
    requestAnimationFrame(() => {
      const trigger = triggerRef.current;
      if (trigger?.isConnected === true && !trigger.disabled) trigger.focus();
      else statusRef.current?.focus();
    });
  };

  const run = async (command: LifecycleCommand, input: CommandInput = {}) => {
    setBusy(command);
    setError(null);
    setDialogError(null);
    const result = await perform(meetingId, command, input);
    setBusy(null);
    if (result.ok) {
      lifecycle.apply(result.data);
      setDialog(null);
      setAnnouncement(t('lifecycle.nowStatus', { status: t(statusLabels[result.data.status]) }));
      restoreFocus();
      return;
    }
    if (dialogCommands.has(command)) setDialogError(describe(result));
    else setError(describe(result));
    // Someone else may have taken a step meanwhile: show where the meeting really is.
    lifecycle.reload();
  };

  const onCommand = (command: LifecycleCommand, button: HTMLButtonElement) => {
    if (busy !== null) return;
    triggerRef.current = button;
    if (dialogCommands.has(command)) {
      setDialogError(null);
      setDialog(command);
    } else {
      void run(command);
    }
  };

  const closeDialog = () => {
    setDialog(null);
    restoreFocus();
  };

  return (
    <>
      <div className="lifecycle-bar">
        <p className="lifecycle-bar__status">
          <span className="lifecycle-bar__label">{t('lifecycle.statusLabel')}</span>{' '}
          <span
            ref={statusRef}
            tabIndex={-1}
            className="status-badge"
            data-status={state?.status ?? 'loading'}
          >
            {state !== null
              ? t(statusLabels[state.status])
              : lifecycle.failure !== null
                ? t('lifecycle.statusUnknown')
                : t('common.loading')}
          </span>
        </p>
        {commands.length > 0 && (
          <ul className="lifecycle-bar__actions" aria-label={t('lifecycle.actions')}>
            {commands.map((command, index) => (
              <li key={command}>
                <button
                  type="button"
                  className={
                    index === 0 ? 'button button--small button--primary' : 'button button--small'
                  }
                  aria-haspopup={dialogCommands.has(command) ? 'dialog' : undefined}
                  // Not `disabled`: a disabled button loses the keyboard focus mid-step.
                  aria-disabled={busy !== null}
                  onClick={(event) => onCommand(command, event.currentTarget)}
                >
                  {busy === command ? t('lifecycle.working') : t(commandLabels[command])}
                </button>
              </li>
            ))}
          </ul>
        )}
        <div className="lifecycle-bar__end">
          <a
            className="button button--small button--quiet"
            href={meetingHistoryPath(meetingId)}
            onClick={followInApp}
          >
            {t('lifecycle.history')}
          </a>
          {state !== null && <ExportMenu meetingId={meetingId} status={state.status} />}
        </div>
      </div>
      <div className="lifecycle-bar__messages">
        <div
          className="form-alert form-alert--error"
          role="alert"
          data-empty={error === null && !loadFailed}
        >
          {error}
          {loadFailed && lifecycle.failure !== null && (
            <>
              {describe(lifecycle.failure)}{' '}
              <button type="button" className="link-button" onClick={lifecycle.reload}>
                {t('common.retry')}
              </button>
            </>
          )}
        </div>
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </div>
      {state !== null && <LockBanner state={state} myUserId={myUserId} />}
      {state !== null && (
        <CommandDialog
          command={dialog}
          state={state}
          meeting={meeting}
          doc={doc}
          busy={busy !== null}
          error={dialogError}
          onConfirm={(command, input) => void run(command, input)}
          onClose={closeDialog}
        />
      )}
    </>
  );
}
