import { useId, useState } from 'react';
import type * as Y from 'yjs';
import type { LifecycleState, MeetingDetail, MeetingRole } from '../../../shared/api/index.ts';
import { getMeta } from '../../../shared/doc/meta.ts';
import { localIsoDate } from '../app/dates.ts';
import { TextField } from '../app/TextField.tsx';
import { meetingRoleLabels } from '../boards/roleLabels.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { LifecycleDialog } from './LifecycleDialog.tsx';
import type { LifecycleCommand } from './lifecycleRules.ts';
import {
  addDays,
  type PostingErrors,
  type PostingValues,
  validateCorrectionReason,
  validatePosting,
} from './postingForm.ts';

/** What a step asks for besides the confirmation. */
export interface CommandInput {
  posting?: PostingValues;
  reason?: string;
}

/** The steps that open a dialog first (a confirmation, or a form). */
export const dialogCommands: ReadonlySet<LifecycleCommand> = new Set([
  'lock',
  'unlock',
  'sign',
  'post',
  'archive',
  'correct',
]);

/** The roles that sign, in the order the protocol lists them. */
const signingRoles: readonly MeetingRole[] = ['chair', 'adjuster', 'secretary'];

/** A posting period runs three weeks by default, as for a municipal body's anslag. */
const defaultPostingDays = 21;

interface DialogText {
  title: MessageKey;
  confirm: MessageKey;
  tone: 'primary' | 'danger';
}

const texts: Partial<Record<LifecycleCommand, DialogText>> = {
  lock: { title: 'lockDialog.title', confirm: 'lockDialog.confirm', tone: 'primary' },
  unlock: { title: 'unlockDialog.title', confirm: 'unlockDialog.confirm', tone: 'danger' },
  sign: { title: 'signDialog.title', confirm: 'signDialog.confirm', tone: 'primary' },
  post: { title: 'postDialog.title', confirm: 'postDialog.confirm', tone: 'primary' },
  archive: { title: 'archiveDialog.title', confirm: 'archiveDialog.confirm', tone: 'primary' },
  correct: { title: 'correction.title', confirm: 'correction.confirm', tone: 'danger' },
};

export interface CommandDialogProps {
  command: LifecycleCommand | null;
  state: LifecycleState;
  meeting: MeetingDetail | null;
  doc: Y.Doc | null;
  busy: boolean;
  error: string | null;
  onConfirm: (command: LifecycleCommand, input: CommandInput) => void;
  onClose: () => void;
}

/** The dialog of a lifecycle step; mounted only while it is open, so every opening starts fresh. */
export function CommandDialog(props: CommandDialogProps) {
  if (props.command === null) return null;
  const text = texts[props.command];
  if (text === undefined) return null;
  return <OpenDialog key={props.command} {...props} command={props.command} text={text} />;
}

function OpenDialog({
  command,
  text,
  state,
  meeting,
  doc,
  busy,
  error,
  onConfirm,
  onClose,
}: CommandDialogProps & { command: LifecycleCommand; text: DialogText }) {
  const { t } = useI18n();
  const today = localIsoDate();
  const [posting, setPosting] = useState<PostingValues>(() => ({
    postedFrom: today,
    postedTo: addDays(today, defaultPostingDays),
    storagePlace: doc === null ? '' : getMeta(doc).storagePlace,
  }));
  const [postingErrors, setPostingErrors] = useState<PostingErrors>({});
  // A field's message goes once it is edited; the next attempt checks everything again.
  const editPosting = (change: Partial<PostingValues>) => {
    setPosting((values) => ({ ...values, ...change }));
    setPostingErrors((errors) => {
      const remaining = { ...errors };
      for (const key of Object.keys(change)) delete remaining[key as keyof PostingValues];
      return remaining;
    });
  };
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<MessageKey | null>(null);
  const reasonId = useId();

  const confirm = () => {
    if (command === 'post') {
      const { errors, request } = validatePosting(posting);
      setPostingErrors(errors);
      if (request === null) {
        // After React has marked the fields: the keyboard lands on the first problem.
        requestAnimationFrame(() =>
          document.querySelector<HTMLElement>('.lifecycle-dialog [aria-invalid="true"]')?.focus(),
        );
        return;
      }
      onConfirm(command, { posting: request });
      return;
    }
    if (command === 'correct') {
      const problem = validateCorrectionReason(reason);
      setReasonError(problem);
      if (problem !== null) {
        document.getElementById(reasonId)?.focus();
        return;
      }
      onConfirm(command, { reason: reason.trim() });
      return;
    }
    onConfirm(command, {});
  };

  const myRole = meeting?.myRole ?? null;
  const signers = (meeting?.roles ?? []).filter((entry) => signingRoles.includes(entry.role));
  const missing = signingRoles.filter((role) => !signers.some((entry) => entry.role === role));

  return (
    <LifecycleDialog
      open
      title={t(text.title)}
      confirmLabel={t(text.confirm)}
      busyLabel={t('lifecycle.working')}
      busy={busy}
      error={error}
      tone={text.tone}
      onConfirm={confirm}
      onClose={onClose}
    >
      {command === 'lock' && (
        <>
          <p>{t('lockDialog.text')}</p>
          {signers.length > 0 && (
            <div className="lifecycle-dialog__signers">
              <p className="lifecycle-dialog__label">{t('lockDialog.signers')}</p>
              <ul>
                {signingRoles.flatMap((role) =>
                  signers
                    .filter((entry) => entry.role === role)
                    .map((entry) => (
                      <li key={entry.userId}>
                        {entry.name}, {t(meetingRoleLabels[role]).toLocaleLowerCase()}
                      </li>
                    )),
                )}
              </ul>
            </div>
          )}
          {missing.length > 0 && (
            <p className="warning" role="note">
              {t('lockDialog.missing', {
                roles: missing.map((role) => t(meetingRoleLabels[role]).toLowerCase()).join(', '),
              })}
            </p>
          )}
        </>
      )}
      {command === 'unlock' && <p>{t('unlockDialog.text')}</p>}
      {command === 'sign' && (
        <>
          <p>
            {t('signDialog.text', {
              role: myRole === null ? '' : t(meetingRoleLabels[myRole]).toLowerCase(),
            })}
          </p>
          <p className="hint">
            {state.pendingSigners.length <= 1
              ? t('signDialog.last')
              : t('signDialog.others', { count: state.pendingSigners.length - 1 })}
          </p>
        </>
      )}
      {command === 'archive' && <p>{t('archiveDialog.text')}</p>}
      {command === 'post' && (
        <>
          <p>{t('postDialog.text')}</p>
          <div className="form-grid">
            <TextField
              label={t('postDialog.from')}
              type="date"
              name="posted-from"
              data-autofocus
              value={posting.postedFrom}
              onChange={(postedFrom) => editPosting({ postedFrom })}
              error={postingErrors.postedFrom && t(postingErrors.postedFrom)}
            />
            <TextField
              label={t('postDialog.to')}
              type="date"
              name="posted-to"
              value={posting.postedTo}
              onChange={(postedTo) => editPosting({ postedTo })}
              error={postingErrors.postedTo && t(postingErrors.postedTo)}
            />
            <TextField
              className="form-grid__wide"
              label={t('postDialog.place')}
              hint={t('postDialog.placeHint')}
              name="storage-place"
              maxLength={200}
              value={posting.storagePlace}
              onChange={(storagePlace) => editPosting({ storagePlace })}
              error={postingErrors.storagePlace && t(postingErrors.storagePlace)}
            />
          </div>
        </>
      )}
      {command === 'correct' && (
        <>
          <p>{t('correction.text')}</p>
          <div className="text-field">
            <label className="text-field__label" htmlFor={reasonId}>
              {t('correction.reason')}
            </label>
            <textarea
              id={reasonId}
              className="text-field__input lifecycle-dialog__textarea"
              data-autofocus
              rows={4}
              maxLength={1000}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                setReasonError(null);
              }}
              aria-invalid={reasonError !== null}
              aria-describedby={`${reasonId}-hint${reasonError === null ? '' : ` ${reasonId}-error`}`}
            />
            {reasonError !== null && (
              <p id={`${reasonId}-error`} className="text-field__error" role="alert">
                {t(reasonError)}
              </p>
            )}
            <p id={`${reasonId}-hint`} className="hint">
              {t('correction.reasonHint')}
            </p>
          </div>
        </>
      )}
    </LifecycleDialog>
  );
}
