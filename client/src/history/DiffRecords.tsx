import type { ReactNode } from 'react';
import type { AttendeeChange, MeetingDiff } from '../../../shared/api/index.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import {
  attendeeFacts,
  attendeeLines,
  attendeeSentence,
  headerLines,
  officerLines,
  type ValueChange,
} from './diffLines.ts';

/** A group of changes under its heading: the header, the officers, the attendance, the items. */
export function DiffGroup({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <section className="diff__group">
      <h3 className="diff__group-heading">{heading}</h3>
      {children}
    </section>
  );
}

/**
 * "Plats: Kansliet → Stadshuset": the old value struck, the new one underlined, and a screen
 * reader hears "removed: … changed to added: …" instead of an arrow.
 */
function Marked({ text, change }: { text: string; change: 'added' | 'removed' }) {
  const { t } = useI18n();
  const Mark = change === 'added' ? 'ins' : 'del';
  return (
    <Mark className={change === 'added' ? 'diff__added' : 'diff__removed'}>
      <span className="visually-hidden">
        {t(change === 'added' ? 'diff.addedPrefix' : 'diff.removedPrefix')}
      </span>
      {text}
      <span className="visually-hidden">{t('diff.end')}</span>
    </Mark>
  );
}

function ValueChangeLine({ line }: { line: ValueChange }) {
  const { t } = useI18n();
  const value = (text: string | null, change: 'added' | 'removed') =>
    text === null ? (
      <span className="diff__unset">{t('diff.notSet')}</span>
    ) : (
      <Marked text={text} change={change} />
    );
  if (line.names !== undefined) {
    return (
      <li className="diff__value" data-field={line.key}>
        <span className="diff__field">{line.label}:</span>{' '}
        {line.names.map((entry, index) => (
          <span key={`${entry.change}-${entry.name}`}>
            {index > 0 && ', '}
            {entry.change === 'same' ? (
              entry.name
            ) : (
              <Marked text={entry.name} change={entry.change} />
            )}
          </span>
        ))}
      </li>
    );
  }
  return (
    <li className="diff__value" data-field={line.key}>
      <span className="diff__field">{line.label}:</span> {value(line.before, 'removed')}{' '}
      <span aria-hidden="true">→</span>
      <span className="visually-hidden">{t('diff.changedTo')}</span> {value(line.after, 'added')}
    </li>
  );
}

function ValueChanges({ lines }: { lines: ValueChange[] }) {
  return (
    <ul className="diff__values">
      {lines.map((line) => (
        <ValueChangeLine key={line.key} line={line} />
      ))}
    </ul>
  );
}

/** The meeting's header fields that changed (title, date, times, place, video link, …). */
export function HeaderChanges({ changes }: { changes: MeetingDiff['header'] }) {
  const i18n = useI18n();
  return (
    <DiffGroup heading={i18n.t('diff.headerHeading')}>
      <ValueChanges lines={headerLines(changes, i18n)} />
    </DiffGroup>
  );
}

/** Ordförande, sekreterare and justerare where they changed. */
export function OfficerChanges({ changes }: { changes: MeetingDiff['officers'] }) {
  const { t } = useI18n();
  return (
    <DiffGroup heading={t('diff.officersHeading')}>
      <ValueChanges lines={officerLines(changes, t)} />
    </DiffGroup>
  );
}

const badges: Record<AttendeeChange['change'], MessageKey> = {
  added: 'diff.attendeeAddedBadge',
  removed: 'diff.attendeeRemovedBadge',
  changed: 'diff.attendeeChangedBadge',
};

function AttendeeChangeEntry({ change }: { change: AttendeeChange }) {
  const i18n = useI18n();
  const { t } = i18n;
  const state = change.change === 'removed' ? change.before : change.after;
  const facts = change.change === 'changed' || state === null ? [] : attendeeFacts(state, t);
  return (
    <li className="diff__person" data-change={change.change}>
      <p className="diff__person-line">
        <span className="diff__person-text">
          {change.change === 'added' ? (
            <ins className="diff__added">{attendeeSentence(change, i18n)}</ins>
          ) : change.change === 'removed' ? (
            // The sentence says "borttagen"; struck through it would be hard to read.
            <span className="diff__person-removed">{attendeeSentence(change, i18n)}</span>
          ) : (
            <span className="diff__person-name">{attendeeSentence(change, i18n)}</span>
          )}
          {facts.length > 0 && <span className="diff__facts"> ({facts.join(', ')})</span>}
        </span>
        <span className="diff__badge" data-change={change.change}>
          {t(badges[change.change])}
        </span>
      </p>
      {change.change === 'changed' && <ValueChanges lines={attendeeLines(change, t)} />}
    </li>
  );
}

/** People added to, removed from or changed on the attendance list. */
export function AttendanceChanges({ changes }: { changes: MeetingDiff['attendance'] }) {
  const { t } = useI18n();
  return (
    <DiffGroup heading={t('diff.attendanceHeading')}>
      <ul className="diff__people">
        {changes.map((change) => (
          <AttendeeChangeEntry key={change.personId} change={change} />
        ))}
      </ul>
    </DiffGroup>
  );
}
