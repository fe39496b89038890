import { type FormEvent, useState } from 'react';
import { meetingKinds } from '../../../shared/doc/constants.ts';
import { createMeeting } from '../api/meetings.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { localIsoDate } from '../app/dates.ts';
import { FormAlert } from '../app/FormAlert.tsx';
import { useFocusFirstInvalid } from '../app/forms.ts';
import { navigate } from '../app/navigation.ts';
import { focusWhenShown } from '../app/pageFocus.ts';
import { meetingPath } from '../app/routes.ts';
import { SelectField } from '../app/SelectField.tsx';
import { TextField } from '../app/TextField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { meetingKindLabels } from './roleLabels.ts';
import { type MeetingField, type MeetingFormValues, validateMeetingForm } from './validation.ts';

export interface CreateMeetingFormProps {
  id: string;
  boardId: string;
  onCancel: () => void;
}

/**
 * A new meeting: title, kind, date, start time, place and the number of its first §. The
 * server fills it with the standard agenda and makes its creator the secretary; the form then
 * opens the meeting.
 */
export function CreateMeetingForm({ id, boardId, onCancel }: CreateMeetingFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState<MeetingFormValues>(() => ({
    title: t(meetingKindLabels.board),
    kind: 'board',
    date: localIsoDate(),
    startTime: '',
    place: '',
    firstParagraph: '1',
  }));
  // Until the person types a title of their own, the title follows the kind.
  const [titleTouched, setTitleTouched] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<MeetingField, MessageKey>>>({});
  const [failure, setFailure] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const set =
    <K extends keyof MeetingFormValues>(field: K) =>
    (value: MeetingFormValues[K]) =>
      setValues((current) => ({ ...current, [field]: value }));
  const errorOf = (field: MeetingField) => {
    const key = errors[field];
    return key === undefined ? undefined : t(key);
  };

  const [formRef, focusInvalid] = useFocusFirstInvalid();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { errors: found, request } = validateMeetingForm(values);
    setErrors(found);
    setFailure(null);
    if (request === null) {
      focusInvalid();
      return;
    }
    setBusy(true);
    const result = await createMeeting(boardId, request);
    setBusy(false);
    if (result.ok) navigate(meetingPath(result.data.id));
    else setFailure(apiErrorKey(result));
  };

  return (
    <form
      ref={formRef}
      id={id}
      className="card create-meeting"
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      noValidate
      aria-labelledby="new-meeting-heading"
    >
      <div>
        <h3 id="new-meeting-heading" className="card-heading">
          {t('newMeeting.heading')}
        </h3>
        <p className="hint">{t('newMeeting.intro')}</p>
      </div>
      <FormAlert tone="error">{failure !== null && t(failure)}</FormAlert>
      <div className="form-grid form-grid--three">
        <TextField
          className="form-grid__wide"
          label={t('newMeeting.title')}
          name="title"
          autoComplete="off"
          maxLength={200}
          value={values.title}
          onChange={(value) => {
            setTitleTouched(true);
            set('title')(value);
          }}
          error={errorOf('title')}
          // The form was just opened on request: typing the title is the next step.
          ref={focusWhenShown}
        />
        <SelectField
          label={t('newMeeting.kind')}
          name="kind"
          value={values.kind}
          options={meetingKinds.map((kind) => ({ value: kind, label: t(meetingKindLabels[kind]) }))}
          onChange={(kind) =>
            setValues((current) => ({
              ...current,
              kind,
              ...(titleTouched ? {} : { title: t(meetingKindLabels[kind]) }),
            }))
          }
        />
        <TextField
          label={t('newMeeting.date')}
          type="date"
          name="date"
          value={values.date}
          onChange={set('date')}
          error={errorOf('date')}
        />
        <TextField
          label={t('newMeeting.startTime')}
          hint={t('newMeeting.optional')}
          type="time"
          name="start-time"
          value={values.startTime}
          onChange={set('startTime')}
          error={errorOf('startTime')}
        />
        <TextField
          className="form-grid__span-two"
          label={t('newMeeting.place')}
          hint={t('newMeeting.placeHint')}
          name="place"
          autoComplete="off"
          maxLength={200}
          value={values.place}
          onChange={set('place')}
          error={errorOf('place')}
        />
        <TextField
          label={t('newMeeting.firstParagraph')}
          hint={t('newMeeting.firstParagraphHint')}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          name="first-paragraph"
          value={values.firstParagraph}
          onChange={set('firstParagraph')}
          error={errorOf('firstParagraph')}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('newMeeting.creating') : t('newMeeting.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
