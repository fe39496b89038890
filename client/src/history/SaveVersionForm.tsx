import { type FormEvent, useState } from 'react';
import { saveVersion } from '../api/history.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { FormAlert } from '../app/FormAlert.tsx';
import { TextField } from '../app/TextField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/** "Save a version now" (chair and secretary): a named save point of the minutes as they are. */
export function SaveVersionForm({
  meetingId,
  onSaved,
}: {
  meetingId: string;
  onSaved: () => void;
}) {
  const { t } = useI18n();
  const [label, setLabel] = useState('');
  const [fieldError, setFieldError] = useState<MessageKey | null>(null);
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = label.trim();
    setFailure(null);
    setSaved(null);
    const problem: MessageKey | null =
      trimmed === '' ? 'history.labelRequired' : trimmed.length > 200 ? 'form.tooLong' : null;
    setFieldError(problem);
    if (problem !== null) {
      event.currentTarget.querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    setBusy(true);
    const result = await saveVersion(meetingId, trimmed);
    setBusy(false);
    if (!result.ok) {
      setFailure(apiErrorKey(result));
      return;
    }
    setLabel('');
    setSaved(t('history.saved', { label: trimmed }));
    onSaved();
  };

  return (
    <form
      className="card history-save"
      onSubmit={onSubmit}
      noValidate
      aria-labelledby="save-heading"
    >
      <h2 id="save-heading" className="card-heading">
        {t('history.saveHeading')}
      </h2>
      <FormAlert tone="error">{failure !== null && t(failure)}</FormAlert>
      <div className="history-save__row">
        <TextField
          label={t('history.label')}
          hint={t('history.labelHint')}
          name="version-label"
          maxLength={200}
          autoComplete="off"
          value={label}
          onChange={setLabel}
          error={fieldError === null ? undefined : t(fieldError)}
        />
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('history.saving') : t('history.save')}
        </button>
      </div>
      <FormAlert tone="success">{saved}</FormAlert>
    </form>
  );
}
