import { useId, useState } from 'react';
import {
  type AttendeeSnapshot,
  addAdjuster,
  DocError,
  type OfficerRef,
  type Officers,
  removeAdjuster,
  type SingleOffice,
  setOfficer,
} from '../../../../shared/doc/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkspace } from '../workspaceContext.ts';
import {
  choiceOf,
  type OfficerChoice,
  type OfficerChoices,
  officerChoices,
  officerName,
  sameOfficer,
} from './officerChoices.ts';

export interface OfficersProps {
  officers: Officers;
  people: AttendeeSnapshot[];
}

const officeLabels = { chair: 'officers.chair', secretary: 'officers.secretary' } as const;
const electedMessages = {
  chair: 'officers.chairElected',
  secretary: 'officers.secretaryElected',
} as const;

/** The options of an office's select, grouped: the attendance list, then other board members. */
function ChoiceOptions({ choices, exclude }: { choices: OfficerChoices; exclude?: OfficerRef[] }) {
  const { t } = useI18n();
  const keep = (choice: OfficerChoice) =>
    !(exclude ?? []).some((ref) => sameOfficer(ref, choice.ref));
  const attendees = choices.attendees.filter(keep);
  const members = choices.members.filter(keep);
  return (
    <>
      {attendees.length > 0 && (
        <optgroup label={t('officers.fromAttendance')}>
          {attendees.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </optgroup>
      )}
      {members.length > 0 && (
        <optgroup label={t('officers.fromMembers')}>
          {members.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
}

function findChoice(choices: OfficerChoices, value: string): OfficerChoice | null {
  return (
    [...choices.attendees, ...choices.members].find((choice) => choice.value === value) ?? null
  );
}

/**
 * Chair (ordförande), secretary (sekreterare) and adjusters (justerare), elected in the meeting
 * and chosen here from the attendance list or the board's members. An officer who has left the
 * list stays chosen, shown by the name they were chosen under.
 */
export function OfficersFields({ officers, people }: OfficersProps) {
  const { t } = useI18n();
  const { doc, members, announce } = useWorkspace();
  const id = useId();
  const choices = officerChoices(people, members);
  const [adjusterChoice, setAdjusterChoice] = useState('');

  const run = (change: () => void, message: string) => {
    try {
      change();
      announce(message);
    } catch (error) {
      if (!(error instanceof DocError)) throw error;
      announce(t('agenda.errorGeneric'));
    }
  };

  const officeField = (office: SingleOffice) => {
    const current = officers[office];
    const chosen = current === null ? null : choiceOf(current, choices);
    const value = current === null ? '' : (chosen?.value ?? 'current');
    return (
      <div className="text-field meeting-details__field" key={office}>
        <label className="field-label" htmlFor={`${id}-${office}`}>
          {t(officeLabels[office])}
        </label>
        <select
          id={`${id}-${office}`}
          className="select select--compact"
          value={value}
          onChange={(event) => {
            if (event.target.value === '') {
              run(
                () => setOfficer(doc, office, null),
                t('officers.cleared', { office: t(officeLabels[office]).toLocaleLowerCase() }),
              );
              return;
            }
            const choice = findChoice(choices, event.target.value);
            if (choice === null) return;
            run(
              () => setOfficer(doc, office, choice.ref),
              t(electedMessages[office], { name: choice.ref.name }),
            );
          }}
        >
          <option value="">{t('officers.none')}</option>
          {current !== null && chosen === null && (
            <option value="current">
              {t('officers.notOnList', { name: officerName(current, people) })}
            </option>
          )}
          <ChoiceOptions choices={choices} />
        </select>
      </div>
    );
  };

  const addChosenAdjuster = () => {
    const choice = findChoice(choices, adjusterChoice);
    if (choice === null) return;
    run(
      () => addAdjuster(doc, choice.ref),
      t('officers.adjusterElected', { name: choice.ref.name }),
    );
    setAdjusterChoice('');
  };
  const available = [...choices.attendees, ...choices.members].filter(
    (choice) => !officers.adjusters.some((ref) => sameOfficer(ref, choice.ref)),
  );

  return (
    <div className="meeting-details__fields">
      {officeField('chair')}
      {officeField('secretary')}
      <fieldset className="meeting-details__adjusters">
        <legend className="field-label">{t('officers.adjusters')}</legend>
        {officers.adjusters.length === 0 ? (
          <p className="hint">{t('officers.noAdjusters')}</p>
        ) : (
          <ul className="meeting-details__adjuster-list" aria-label={t('officers.adjusters')}>
            {officers.adjusters.map((ref) => {
              const name = officerName(ref, people);
              return (
                <li key={ref.personId ?? `name:${ref.name}`} className="meeting-details__adjuster">
                  <span className="meeting-details__adjuster-name">{name}</span>
                  <button
                    type="button"
                    className="link-button link-button--danger"
                    aria-label={t('officers.removeAdjuster', { name })}
                    onClick={() =>
                      run(() => removeAdjuster(doc, ref), t('officers.adjusterRemoved', { name }))
                    }
                  >
                    {t('officers.remove')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {available.length > 0 ? (
          <div className="meeting-details__add-adjuster">
            <label className="visually-hidden" htmlFor={`${id}-adjuster`}>
              {t('officers.chooseAdjuster')}
            </label>
            <select
              id={`${id}-adjuster`}
              className="select select--compact"
              value={adjusterChoice}
              onChange={(event) => setAdjusterChoice(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && adjusterChoice !== '') {
                  event.preventDefault();
                  addChosenAdjuster();
                }
              }}
            >
              <option value="">{t('officers.chooseAdjuster')}</option>
              <ChoiceOptions choices={choices} exclude={officers.adjusters} />
            </select>
            <button
              type="button"
              className="button button--small"
              disabled={adjusterChoice === ''}
              onClick={addChosenAdjuster}
            >
              {t('officers.addAdjuster')}
            </button>
          </div>
        ) : (
          choices.attendees.length === 0 &&
          choices.members.length === 0 && <p className="hint">{t('officers.nobodyToChoose')}</p>
        )}
      </fieldset>
    </div>
  );
}

/** The officers for those who may only read them. */
export function OfficersSummary({ officers, people }: OfficersProps) {
  const { t } = useI18n();
  const rows = [
    {
      key: 'chair',
      label: t('officers.chair'),
      names: officers.chair === null ? [] : [officers.chair],
    },
    {
      key: 'secretary',
      label: t('officers.secretary'),
      names: officers.secretary === null ? [] : [officers.secretary],
    },
    { key: 'adjusters', label: t('officers.adjusters'), names: officers.adjusters },
  ];
  return (
    <dl className="meeting-details__list">
      {rows.map((row) => (
        <div key={row.key} className="meeting-details__row" data-field={row.key}>
          <dt>{row.label}</dt>
          <dd>
            {row.names.length === 0 ? (
              <span className="meeting-details__unset">{t('officers.notChosen')}</span>
            ) : (
              row.names.map((ref) => officerName(ref, people)).join(', ')
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
