import { type FormEvent, useState } from 'react';
import { maxNameLength, saveIdentityName } from '../app/identity.ts';
import { SiteHeader } from '../app/SiteHeader.tsx';
import { TextField } from '../app/TextField.tsx';
import { useDocumentTitle } from '../app/useDocumentTitle.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** Someone followed a meeting link without having chosen a name: ask for it before joining. */
export function JoinPage({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [error, setError] = useState(false);
  useDocumentTitle(t('join.heading'));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() === '') {
      setError(true);
      event.currentTarget.querySelector('input')?.focus();
      return;
    }
    // Saving the identity re-renders the meeting page, which then opens the workspace.
    saveIdentityName(name);
  };

  return (
    <div className="page">
      <SiteHeader />
      <main className="simple-page" id="main">
        <form className="card" onSubmit={onSubmit} noValidate aria-labelledby="join-heading">
          <h1 id="join-heading" className="simple-page__heading">
            {t('join.heading')}
          </h1>
          <p className="simple-page__message">{t('join.intro')}</p>
          <p className="meeting-id">{t('meeting.id', { meetingId })}</p>
          <TextField
            label={t('start.nameLabel')}
            hint={t('start.nameHint')}
            error={error ? t('start.nameRequired') : undefined}
            value={name}
            onChange={setName}
            autoComplete="name"
            maxLength={maxNameLength}
            name="name"
            // The only thing to do on this page.
            autoFocus
          />
          <button type="submit" className="button button--primary">
            {t('join.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
