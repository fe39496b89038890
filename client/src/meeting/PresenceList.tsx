import { useI18n } from '../i18n/I18nProvider.tsx';
import { initialsOf, type Participant } from '../sync/presence.ts';

/** How many avatars fit before the rest is summarised as "+N". */
const maxAvatars = 5;

/** The people in the meeting right now, as coloured initials (the colour of their caret). */
export function PresenceList({ participants }: { participants: Participant[] }) {
  const { t } = useI18n();
  const shown = participants.slice(0, maxAvatars);
  const hidden = participants.slice(maxAvatars);
  const count =
    participants.length === 1
      ? t('presence.countOne')
      : t('presence.count', { count: participants.length });

  const nameOf = (participant: Participant) => {
    const name = participant.name || t('presence.anonymous');
    return participant.isSelf ? `${name} (${t('presence.you')})` : name;
  };

  return (
    <section className="presence" aria-label={`${t('presence.heading')}: ${count}`}>
      <ul className="presence__list">
        {shown.map((participant) => (
          <li key={participant.clientId} className="presence__item" title={nameOf(participant)}>
            <span
              className="avatar"
              style={{ backgroundColor: participant.color }}
              data-self={participant.isSelf}
              aria-hidden="true"
            >
              {initialsOf(participant.name) || '?'}
            </span>
            <span className="visually-hidden">{nameOf(participant)}</span>
          </li>
        ))}
        {hidden.length > 0 && (
          <li className="presence__item" title={hidden.map(nameOf).join(', ')}>
            <span className="avatar avatar--more" aria-hidden="true">
              +{hidden.length}
            </span>
            <span className="visually-hidden">{hidden.map(nameOf).join(', ')}</span>
          </li>
        )}
      </ul>
    </section>
  );
}
