import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { BoardMember } from '../../../../shared/api/index.ts';
import {
  type AttendanceCategory,
  type AttendeeSnapshot,
  addAttendee,
  attendanceCategories,
  DocError,
  DocLimits,
} from '../../../../shared/doc/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkspace } from '../workspaceContext.ts';

/** A member's standing title as an attendance category: deputies are ersättare. */
function categoryOf(member: BoardMember): AttendanceCategory {
  return /ersättare|suppleant|deputy/i.test(member.title) ? 'ersattare' : 'beslutande';
}

function sameName(a: string, b: string): boolean {
  return a.trim().localeCompare(b.trim(), 'sv', { sensitivity: 'base' }) === 0;
}

/** How a member is offered in the name suggestions: title and organisation beside the name. */
function describeMember(member: BoardMember): string {
  return [member.title.trim(), member.organisation.trim()].filter(Boolean).join(', ');
}

/**
 * Adds people to the attendance list: a name from the board's member directory (suggested as
 * one types, with title and organisation; choosing one fills in the organisation and the
 * category its title implies) or any other name; or every member not yet listed at once.
 */
export function AddAttendeeForm({ people }: { people: AttendeeSnapshot[] }) {
  const { t } = useI18n();
  const { doc, members, announce } = useWorkspace();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [category, setCategory] = useState<AttendanceCategory>('beslutande');
  const [error, setError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  // The form was opened by the button just pressed: go on to its first field.
  useEffect(() => {
    if (open) nameInput.current?.focus();
  }, [open]);

  const missing = members.filter(
    (member) => !people.some((person) => sameName(person.name, member.name)),
  );

  const add = (
    entries: Array<{
      name: string;
      organisation?: string;
      role?: string;
      category: AttendanceCategory;
    }>,
  ) => {
    try {
      doc.transact(() => {
        for (const entry of entries) addAttendee(doc, entry);
      });
      return true;
    } catch (caught) {
      if (!(caught instanceof DocError)) throw caught;
      announce(t('agenda.errorGeneric'));
      return false;
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setError(t('attendance.nameRequired'));
      nameInput.current?.focus();
      return;
    }
    if (people.some((person) => sameName(person.name, trimmed))) {
      setError(t('attendance.duplicate', { name: trimmed }));
      nameInput.current?.focus();
      return;
    }
    const member = members.find((candidate) => sameName(candidate.name, trimmed));
    const role = member?.title.trim() ?? '';
    const added = add([
      {
        name: trimmed.slice(0, DocLimits.shortText),
        category,
        ...(organisation.trim() === '' ? {} : { organisation: organisation.trim() }),
        ...(role === '' ? {} : { role }),
      },
    ]);
    if (!added) return;
    announce(t('attendance.added', { name: trimmed }));
    setName('');
    setOrganisation('');
    setError(null);
    nameInput.current?.focus();
  };

  const addAllMembers = () => {
    const added = add(
      missing.map((member) => ({
        name: member.name,
        category: categoryOf(member),
        ...(member.title.trim() === '' ? {} : { role: member.title.trim() }),
        ...(member.organisation.trim() === ''
          ? {}
          : { organisation: member.organisation.trim().slice(0, DocLimits.shortText) }),
      })),
    );
    if (added) announce(t('attendance.addedMembers', { count: missing.length }));
  };

  if (!open) {
    return (
      <div className="attendance__actions">
        <button type="button" className="button button--small" onClick={() => setOpen(true)}>
          <span aria-hidden="true">+</span> {t('attendance.addPerson')}
        </button>
        {missing.length > 0 && (
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={addAllMembers}
          >
            {t('attendance.addMembers', { count: missing.length })}
          </button>
        )}
      </div>
    );
  }

  return (
    <form className="attendance__form" onSubmit={submit} noValidate>
      <div className="text-field">
        <label className="field-label" htmlFor={`${id}-name`}>
          {t('attendance.name')}
        </label>
        <input
          ref={nameInput}
          id={`${id}-name`}
          className="inline-field__input"
          type="text"
          list={`${id}-members`}
          value={name}
          maxLength={DocLimits.shortText}
          autoComplete="off"
          aria-invalid={error !== null}
          aria-describedby={error === null ? `${id}-hint` : `${id}-error`}
          onChange={(event) => {
            const typed = event.target.value;
            setName(typed);
            setError(null);
            // A member picked from the suggestions (or typed in full) brings their details.
            const member = missing.find((candidate) => candidate.name === typed);
            if (member !== undefined) {
              if (member.organisation.trim() !== '') setOrganisation(member.organisation.trim());
              setCategory(categoryOf(member));
            }
          }}
        />
        <datalist id={`${id}-members`}>
          {missing.map((member) => (
            <option
              key={member.userId}
              value={member.name}
              label={describeMember(member) || undefined}
            />
          ))}
        </datalist>
        {error === null ? (
          <span id={`${id}-hint`} className="hint">
            {t('attendance.nameHint')}
          </span>
        ) : (
          <span id={`${id}-error`} className="text-field__error">
            {error}
          </span>
        )}
      </div>
      <div className="text-field">
        <label className="field-label" htmlFor={`${id}-org`}>
          {t('attendance.organisation')}
        </label>
        <input
          id={`${id}-org`}
          className="inline-field__input"
          type="text"
          value={organisation}
          maxLength={DocLimits.shortText}
          onChange={(event) => setOrganisation(event.target.value)}
        />
      </div>
      <div className="text-field">
        <label className="field-label" htmlFor={`${id}-category`}>
          {t('attendance.category')}
        </label>
        <select
          id={`${id}-category`}
          className="select"
          value={category}
          onChange={(event) => {
            const next = attendanceCategories.find((value) => value === event.target.value);
            if (next !== undefined) setCategory(next);
          }}
        >
          {attendanceCategories.map((value) => (
            <option key={value} value={value}>
              {t(`category.${value}` as const)}
            </option>
          ))}
        </select>
      </div>
      <div className="attendance__form-actions">
        <button type="submit" className="button button--primary button--small">
          {t('attendance.add')}
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => setOpen(false)}
        >
          {t('workspace.close')}
        </button>
      </div>
    </form>
  );
}
