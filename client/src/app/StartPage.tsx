import { type FormEvent, type MouseEvent, useId, useState } from 'react';
import { meetingIdSchema } from '../../../shared/protocol/index.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { maxNameLength, saveIdentityName, useIdentity } from './identity.ts';
import { followInApp, navigate } from './navigation.ts';
import { meetingIdFromInput, newMeetingId } from './newMeetingId.ts';
import { readRecentMeetings } from './recentMeetings.ts';
import { meetingPath } from './routes.ts';
import { SiteHeader } from './SiteHeader.tsx';
import { TextField } from './TextField.tsx';
import { useDocumentTitle } from './useDocumentTitle.ts';

interface FormErrors {
  name?: MessageKey;
  meetingId?: MessageKey;
}

/** Start page: choose a display name, then open a meeting by id or create a new one. */
export function StartPage() {
  const { t } = useI18n();
  const identity = useIdentity();
  const [name, setName] = useState(identity?.name ?? '');
  const [meetingId, setMeetingId] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [recent] = useState(readRecentMeetings);
  const headingId = useId();
  useDocumentTitle(null);

  const checkName = (): MessageKey | undefined =>
    name.trim() === '' ? 'start.nameRequired' : undefined;

  const enter = (targetId: string) => {
    saveIdentityName(name);
    navigate(meetingPath(targetId));
  };

  const onOpen = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const id = meetingIdFromInput(meetingId);
    const next: FormErrors = {};
    const nameError = checkName();
    if (nameError !== undefined) next.name = nameError;
    if (id === '') next.meetingId = 'start.meetingIdRequired';
    else if (!meetingIdSchema.safeParse(id).success) next.meetingId = 'start.meetingIdInvalid';
    setErrors(next);
    if (next.name === undefined && next.meetingId === undefined) enter(id);
    else focusFirstInvalid(event.currentTarget);
  };

  const onCreate = (event: MouseEvent<HTMLButtonElement>) => {
    const nameError = checkName();
    setErrors(nameError === undefined ? {} : { name: nameError });
    if (nameError === undefined) enter(newMeetingId());
    else if (event.currentTarget.form !== null) focusFirstInvalid(event.currentTarget.form);
  };

  return (
    <div className="page">
      <SiteHeader />
      <main className="start" id="main">
        <section className="start__intro">
          <h1 id={headingId} className="start__heading">
            {t('start.heading')}
          </h1>
          <p className="start__tagline">{t('app.tagline')}</p>
        </section>
        <form className="card start__form" onSubmit={onOpen} noValidate aria-labelledby={headingId}>
          <TextField
            label={t('start.nameLabel')}
            hint={t('start.nameHint')}
            error={errors.name === undefined ? undefined : t(errors.name)}
            value={name}
            onChange={setName}
            autoComplete="name"
            maxLength={maxNameLength}
            name="name"
          />
          <TextField
            label={t('start.meetingIdLabel')}
            hint={t('start.meetingIdHint')}
            error={errors.meetingId === undefined ? undefined : t(errors.meetingId)}
            value={meetingId}
            onChange={setMeetingId}
            autoComplete="off"
            spellCheck={false}
            name="meetingId"
            className="text-field--mono"
          />
          <div className="start__actions">
            <button type="submit" className="button button--primary">
              {t('start.open')}
            </button>
            <button
              type="button"
              className="button"
              onClick={onCreate}
              aria-describedby="create-hint"
            >
              {t('start.create')}
            </button>
          </div>
          <p id="create-hint" className="hint">
            {t('start.createHint')}
          </p>
        </form>
        {recent.length > 0 && (
          <section className="start__recent" aria-labelledby="recent-heading">
            <h2 id="recent-heading" className="start__subheading">
              {t('start.recentHeading')}
            </h2>
            <ul className="recent-list">
              {recent.map((entry) => (
                <li key={entry.meetingId}>
                  <a
                    className="recent-list__link"
                    href={meetingPath(entry.meetingId)}
                    onClick={followInApp}
                  >
                    <span className="recent-list__title">{entry.title || t('start.untitled')}</span>
                    <span className="recent-list__id">{entry.meetingId}</span>
                  </a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}

function focusFirstInvalid(form: HTMLFormElement): void {
  form.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
}
