import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import {
  type BoardDetail,
  type MeetingDetail,
  type MeetingRole,
  meetingRoles,
} from '../../../shared/api/index.ts';
import { setMeetingRole } from '../api/meetings.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { DialogHeader } from '../app/DialogHeader.tsx';
import { FormAlert } from '../app/FormAlert.tsx';
import { boardRoleLabels, meetingRoleHints, meetingRoleLabels } from '../boards/roleLabels.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import {
  canAssignMeetingRoles,
  changedRoles,
  meetingRoster,
  nobodyWrites,
} from './meetingRoles.ts';

export interface RolesDialogProps {
  open: boolean;
  onClose: () => void;
  meeting: MeetingDetail;
  board: BoardDetail;
  myUserId: string | null;
  /** Called after roles were saved, so the header shows the new ones. */
  onSaved: () => void;
}

/**
 * The meeting's roles: every board member with their role in this meeting. Board admins and
 * the secretary change them (the server applies a change to open connections at once); others
 * see the list. A modal <dialog>: the browser keeps the focus inside and Escape closes it.
 */
export function RolesDialog({
  open,
  onClose,
  meeting,
  board,
  myUserId,
  onSaved,
}: RolesDialogProps) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const roster = useMemo(
    () => meetingRoster(board.members, meeting.roles),
    [board.members, meeting.roles],
  );
  const [chosen, setChosen] = useState<Record<string, MeetingRole>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const canAssign = canAssignMeetingRoles(board.myRole, meeting.myRole);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) {
      setChosen({});
      setMessage(null);
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  const roleOf = (userId: string, fallback: MeetingRole) => chosen[userId] ?? fallback;
  const changes = changedRoles(roster, chosen);
  const noWriter = nobodyWrites(roster.map((entry) => roleOf(entry.userId, entry.role)));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (changes.length === 0) {
      onClose();
      return;
    }
    setBusy(true);
    setMessage(null);
    const failed: string[] = [];
    for (const change of changes) {
      const result = await setMeetingRole(meeting.id, change.userId, change.role);
      if (!result.ok) {
        const name = roster.find((entry) => entry.userId === change.userId)?.name ?? '';
        failed.push(`${name}: ${t(apiErrorKey(result))}`);
      }
    }
    setBusy(false);
    // The choices stay until the reloaded roles arrive, so the lists never flick back to the old
    // roles; once they have arrived the choices equal them and nothing counts as changed.
    onSaved();
    setMessage(
      failed.length === 0
        ? { tone: 'success', text: t('rolesPanel.saved') }
        : { tone: 'error', text: t('rolesPanel.failed', { details: failed.join('; ') }) },
    );
  };

  return (
    <dialog
      ref={dialogRef}
      className="dialog roles-dialog"
      aria-labelledby="roles-heading"
      aria-describedby="roles-intro"
      onClose={onClose}
    >
      <form className="dialog__body" onSubmit={onSubmit} noValidate>
        <DialogHeader headingId="roles-heading" title={t('rolesPanel.heading')} onClose={onClose} />
        <p id="roles-intro" className="hint">
          {canAssign ? t('rolesPanel.introEditable') : t('rolesPanel.introReadOnly')}
        </p>
        <ul className="roster">
          {roster.map((entry) => {
            const role = roleOf(entry.userId, entry.role);
            const selectId = `role-${entry.userId}`;
            return (
              <li key={entry.userId} className="roster__row">
                <div className="roster__person">
                  {canAssign ? (
                    <label className="roster__name" htmlFor={selectId}>
                      {entry.name}
                      {entry.userId === myUserId && <You />}
                    </label>
                  ) : (
                    <span className="roster__name">
                      {entry.name}
                      {entry.userId === myUserId && <You />}
                    </span>
                  )}
                  <span className="roster__detail">
                    {[entry.title, t(boardRoleLabels[entry.boardRole])]
                      .filter((part) => part !== '')
                      .join(' · ')}
                  </span>
                </div>
                {canAssign ? (
                  <div className="roster__role">
                    <select
                      id={selectId}
                      className="text-field__input select-field__select"
                      value={role}
                      aria-describedby={`${selectId}-hint`}
                      onChange={(event) => {
                        const next = meetingRoles.find((option) => option === event.target.value);
                        if (next !== undefined) {
                          setChosen((current) => ({ ...current, [entry.userId]: next }));
                        }
                      }}
                    >
                      {meetingRoles.map((option) => (
                        <option key={option} value={option}>
                          {t(meetingRoleLabels[option])}
                        </option>
                      ))}
                    </select>
                    <span id={`${selectId}-hint`} className="roster__hint">
                      {t(meetingRoleHints[role])}
                    </span>
                  </div>
                ) : (
                  <div className="roster__role">
                    <span className="badge">{t(meetingRoleLabels[role])}</span>
                    <span className="roster__hint">{t(meetingRoleHints[role])}</span>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
        {canAssign && noWriter && (
          <p className="warning" role="note">
            {t('rolesPanel.noWriter')}
          </p>
        )}
        <FormAlert tone="error">{message?.tone === 'error' && message.text}</FormAlert>
        <FormAlert tone="success">{message?.tone === 'success' && message.text}</FormAlert>
        <div className="dialog__actions">
          {canAssign && (
            <button
              type="submit"
              className="button button--primary"
              disabled={busy || changes.length === 0}
            >
              {busy ? t('rolesPanel.saving') : t('rolesPanel.save')}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function You() {
  const { t } = useI18n();
  return <span className="muted"> ({t('members.you')})</span>;
}
