import { type FormEvent, useEffect, useState } from 'react';
import { fetchDecisions } from '../api/register.ts';
import { formatMeetingDate } from '../app/dates.ts';
import { followInApp } from '../app/navigation.ts';
import { meetingItemPath } from '../app/routes.ts';
import { useApiData } from '../app/useApiData.ts';
import { LoadFailure } from '../boards/LoadFailure.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * The board's decisions across its meetings (beslutsregister), newest meeting first, searched
 * by their text, § title and meeting; each links back to its § in the meeting.
 */
export function DecisionList({
  boardId,
  query,
  onSearch,
}: {
  boardId: string;
  query: string;
  onSearch: (query: string) => void;
}) {
  const { t, language } = useI18n();
  const [draft, setDraft] = useState(query);
  // Back and forward change the search: the field follows.
  useEffect(() => setDraft(query), [query]);
  const [decisions, reload] = useApiData(
    (signal) => fetchDecisions(boardId, query, signal),
    `decisions:${boardId}:${query}`,
  );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(draft.trim());
  };

  return (
    <div className="register-panel">
      <search>
        <form className="register-search" onSubmit={onSubmit}>
          <label className="text-field__label" htmlFor="decision-search">
            {t('register.search')}
          </label>
          <div className="register-search__row">
            <input
              id="decision-search"
              className="text-field__input"
              type="search"
              name="q"
              maxLength={200}
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
              aria-describedby="decision-search-hint"
            />
            <button type="submit" className="button button--primary">
              {t('register.searchButton')}
            </button>
          </div>
          <p id="decision-search-hint" className="hint">
            {t('register.searchHint')}
          </p>
        </form>
      </search>
      <p className="register-count" role="status">
        {decisions.status === 'ready' &&
          (query === ''
            ? t('register.decisionCount', { count: decisions.data.length })
            : t('register.decisionMatches', { count: decisions.data.length, query }))}
      </p>
      {decisions.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {decisions.status === 'failed' && (
        <LoadFailure failure={decisions.failure} onRetry={reload} />
      )}
      {decisions.status === 'ready' && decisions.data.length === 0 && (
        <div className="empty-state">
          <p className="empty-state__title">
            {query === '' ? t('register.noDecisions') : t('register.noMatches')}
          </p>
        </div>
      )}
      {decisions.status === 'ready' && decisions.data.length > 0 && (
        <ol className="register-list">
          {decisions.data.map((decision, index) => (
            <li
              // The same § may hold several decisions: their order within it is their identity.
              // biome-ignore lint/suspicious/noArrayIndexKey: decisions have no id of their own
              key={`${decision.meetingId}:${decision.itemId}:${index}`}
              className="register-entry"
            >
              <p className="register-entry__where">
                <a
                  href={meetingItemPath(decision.meetingId, decision.itemId)}
                  onClick={followInApp}
                >
                  {decision.label === null ? '' : `§ ${decision.label} `}
                  {decision.itemTitle}
                </a>
                <span className="register-entry__meeting">
                  {decision.meetingTitle} · {formatMeetingDate(decision.date, language)}
                </span>
              </p>
              <p className="register-entry__text">{decision.text}</p>
              {decision.votes !== null && (
                <p className="register-entry__detail">
                  {t('version.votes', {
                    for: decision.votes.for ?? 0,
                    against: decision.votes.against ?? 0,
                    abstain: decision.votes.abstain ?? 0,
                  })}
                </p>
              )}
              {decision.reservations !== '' && (
                <p className="register-entry__detail">
                  {t('version.reservations', { reservations: decision.reservations })}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
