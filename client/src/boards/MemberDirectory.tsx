import { useEffect, useId, useState } from 'react';
import {
  type BoardDetail,
  type BoardMember,
  type BoardRole,
  boardRoles,
} from '../../../shared/api/index.ts';
import { updateMember } from '../api/boards.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { FormAlert } from '../app/FormAlert.tsx';
import { focusWhenShown } from '../app/pageFocus.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { boardRoleLabels } from './roleLabels.ts';

function editButtonId(userId: string): string {
  return `edit-member-${userId}`;
}

export interface MemberDirectoryProps {
  board: BoardDetail;
  myUserId: string | null;
  /** Board admins change standing roles and titles. */
  canManage: boolean;
  onChanged: () => void;
}

/**
 * The board's member directory (ledamotsförteckning): name, email, standing role on the board,
 * title (ordförande, ledamot, ersättare …) and organisation, which the attendance list draws from.
 */
export function MemberDirectory({ board, myUserId, canManage, onChanged }: MemberDirectoryProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  const titlesId = useId();
  const members = [...board.members].sort((a, b) => a.name.localeCompare(b.name, 'sv'));

  const finish = (member: BoardMember, saved: boolean) => {
    setEditing(null);
    if (saved) {
      setStatus(t('members.saved', { name: member.name }));
      onChanged();
    }
    setReturnFocusTo(member.userId);
  };

  // Back to the row's "Edit" button once the row is plain again.
  useEffect(() => {
    if (returnFocusTo === null) return;
    document.getElementById(editButtonId(returnFocusTo))?.focus();
    setReturnFocusTo(null);
  }, [returnFocusTo]);

  return (
    <section className="board-section" aria-labelledby="members-heading">
      <div className="board-section__header">
        <h2 id="members-heading" className="section-heading">
          {t('members.heading')}
        </h2>
        <p className="muted">{t('members.count', { count: members.length })}</p>
      </div>
      <FormAlert tone="success">{status}</FormAlert>
      <datalist id={titlesId}>
        {t('members.titleSuggestions')
          .split(',')
          .map((title) => (
            <option key={title} value={title.trim()} />
          ))}
      </datalist>
      <div className="table-wrap">
        <table className="data-table">
          <caption className="visually-hidden">
            {t('members.caption', { board: board.name })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('members.name')}</th>
              <th scope="col">{t('members.email')}</th>
              <th scope="col">{t('members.role')}</th>
              <th scope="col">{t('members.titleAndOrganisation')}</th>
              {canManage && (
                <th scope="col">
                  <span className="visually-hidden">{t('members.actions')}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {members.map((member) =>
              editing === member.userId ? (
                <MemberEditRow
                  key={member.userId}
                  boardId={board.id}
                  member={member}
                  isSelf={member.userId === myUserId}
                  titlesId={titlesId}
                  onDone={(saved) => finish(member, saved)}
                />
              ) : (
                <tr key={member.userId}>
                  <th scope="row" className="data-table__name">
                    {member.name}
                    {member.userId === myUserId && (
                      <span className="muted"> ({t('members.you')})</span>
                    )}
                  </th>
                  <td className="data-table__email">{member.email}</td>
                  <td>{t(boardRoleLabels[member.role])}</td>
                  <td>
                    {member.title === '' ? <span className="muted">—</span> : member.title}
                    {member.organisation !== '' && (
                      <span className="data-table__sub">{member.organisation}</span>
                    )}
                  </td>
                  {canManage && (
                    <td className="data-table__actions">
                      <button
                        id={editButtonId(member.userId)}
                        type="button"
                        className="button button--small"
                        onClick={() => {
                          setStatus(null);
                          setEditing(member.userId);
                        }}
                      >
                        {t('members.edit')}
                        <span className="visually-hidden"> {member.name}</span>
                      </button>
                    </td>
                  )}
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface MemberEditRowProps {
  boardId: string;
  member: BoardMember;
  /** One's own standing role is not changed here: an admin could lock themselves out. */
  isSelf: boolean;
  titlesId: string;
  onDone: (saved: boolean) => void;
}

function MemberEditRow({ boardId, member, isSelf, titlesId, onDone }: MemberEditRowProps) {
  const { t } = useI18n();
  const [role, setRole] = useState<BoardRole>(member.role);
  const [title, setTitle] = useState(member.title);
  const [organisation, setOrganisation] = useState(member.organisation);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const change: { role?: BoardRole; title?: string; organisation?: string } = {};
    if (role !== member.role) change.role = role;
    if (title.trim() !== member.title) change.title = title.trim();
    if (organisation.trim() !== member.organisation) change.organisation = organisation.trim();
    if (Object.keys(change).length === 0) {
      onDone(false);
      return;
    }
    setBusy(true);
    const result = await updateMember(boardId, member.userId, change);
    setBusy(false);
    if (result.ok) onDone(true);
    else setFailure(t(apiErrorKey(result)));
  };

  return (
    <tr
      className="data-table__editing"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone(false);
        if (event.key === 'Enter' && event.target instanceof HTMLInputElement) void save();
      }}
    >
      <th scope="row" className="data-table__name">
        {member.name}
        {failure !== null && (
          <span className="data-table__error" role="alert">
            {failure}
          </span>
        )}
      </th>
      <td className="data-table__email">{member.email}</td>
      <td>
        {isSelf ? (
          t(boardRoleLabels[member.role])
        ) : (
          <select
            className="text-field__input select-field__select"
            aria-label={t('members.roleFor', { name: member.name })}
            value={role}
            // The row just turned into a form on request: its first field is where to go.
            ref={focusWhenShown}
            onChange={(event) => {
              const chosen = boardRoles.find((option) => option === event.target.value);
              if (chosen !== undefined) setRole(chosen);
            }}
          >
            {boardRoles.map((option) => (
              <option key={option} value={option}>
                {t(boardRoleLabels[option])}
              </option>
            ))}
          </select>
        )}
      </td>
      <td>
        <input
          className="text-field__input"
          type="text"
          list={titlesId}
          maxLength={100}
          aria-label={t('members.titleFor', { name: member.name })}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          ref={isSelf ? focusWhenShown : undefined}
        />
        <input
          className="text-field__input"
          type="text"
          maxLength={200}
          aria-label={t('members.organisationFor', { name: member.name })}
          value={organisation}
          onChange={(event) => setOrganisation(event.target.value)}
        />
      </td>
      <td className="data-table__actions">
        <div className="data-table__buttons">
          <button
            type="button"
            className="button button--primary button--small"
            onClick={() => void save()}
            disabled={busy}
          >
            {t('common.save')}
          </button>
          <button type="button" className="button button--small" onClick={() => onDone(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </td>
    </tr>
  );
}
