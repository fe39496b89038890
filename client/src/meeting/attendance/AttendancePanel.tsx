import { useMemo } from 'react';
import {
  type AttendanceCategory,
  type AttendeeSnapshot,
  attendanceCategories,
  type ItemSummary,
} from '../../../../shared/doc/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkspace } from '../workspaceContext.ts';
import { AddAttendeeForm } from './AddAttendeeForm.tsx';
import { AttendeeRow } from './AttendeeRow.tsx';

export interface AttendancePanelProps {
  people: AttendeeSnapshot[];
  items: ItemSummary[];
}

/**
 * The attendance list (närvaro) by category, as the minutes print it: beslutande, ersättare,
 * adjungerade, övriga närvarande and frånvarande (with anmält förhinder), with partial presence
 * as a § range ("§ 1–4"). The chair and secretary add people and record arrivals and departures
 * at the current §.
 */
export function AttendancePanel({ people, items }: AttendancePanelProps) {
  const { t } = useI18n();
  const { capabilities } = useWorkspace();
  const groups = useMemo(() => {
    const byCategory = new Map<AttendanceCategory, AttendeeSnapshot[]>();
    for (const person of people) {
      byCategory.set(person.category, [...(byCategory.get(person.category) ?? []), person]);
    }
    return attendanceCategories
      .map((category) => ({ category, people: byCategory.get(category) ?? [] }))
      .filter((group) => group.people.length > 0);
  }, [people]);
  const present = people.filter((person) => person.category !== 'franvarande').length;

  return (
    <aside className="attendance" aria-labelledby="attendance-heading" tabIndex={-1}>
      <div className="attendance__header">
        <h2 id="attendance-heading" className="panel-heading">
          {t('attendance.heading')}
        </h2>
        <p className="attendance__count">
          {present === 1 ? t('attendance.presentOne') : t('attendance.present', { count: present })}
        </p>
      </div>
      {capabilities.editStructure && <AddAttendeeForm people={people} />}
      {groups.length === 0 && <p className="attendance__empty">{t('attendance.empty')}</p>}
      {groups.map((group) => (
        <section
          key={group.category}
          className="attendance__group"
          aria-labelledby={`attendance-${group.category}`}
        >
          <h3 id={`attendance-${group.category}`} className="attendance__group-heading">
            {t(`category.${group.category}.plural` as const)}
            <span className="attendance__group-count"> ({group.people.length})</span>
          </h3>
          <ul className="attendance__list">
            {group.people.map((person) => (
              <AttendeeRow key={person.id} person={person} items={items} />
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
