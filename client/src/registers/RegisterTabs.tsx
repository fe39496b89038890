import { type KeyboardEvent, useRef } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { RegisterTab } from './registerQuery.ts';

const tabs: readonly RegisterTab[] = ['decisions', 'assignments'];

/**
 * The two halves of the register as ARIA tabs: Tab reaches the chosen one, the arrow keys move
 * between them (WAI-ARIA Authoring Practices, tabs with automatic activation).
 */
export function RegisterTabs({
  current,
  onChange,
}: {
  current: RegisterTab;
  onChange: (tab: RegisterTab) => void;
}) {
  const { t } = useI18n();
  const refs = useRef<Partial<Record<RegisterTab, HTMLButtonElement | null>>>({});

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.indexOf(current);
    let next: RegisterTab | undefined;
    if (event.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
    else if (event.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
    else if (event.key === 'Home') next = tabs[0];
    else if (event.key === 'End') next = tabs[tabs.length - 1];
    if (next === undefined) return;
    event.preventDefault();
    onChange(next);
    refs.current[next]?.focus();
  };

  return (
    <div
      className="register-tabs"
      role="tablist"
      aria-label={t('register.tabs')}
      onKeyDown={onKeyDown}
    >
      {tabs.map((tab) => (
        <button
          key={tab}
          ref={(element) => {
            refs.current[tab] = element;
          }}
          type="button"
          role="tab"
          id={`register-tab-${tab}`}
          className="register-tabs__tab"
          aria-selected={tab === current}
          aria-controls={tab === current ? `register-panel-${tab}` : undefined}
          tabIndex={tab === current ? 0 : -1}
          onClick={() => onChange(tab)}
        >
          {tab === 'decisions' ? t('register.decisionsTab') : t('register.assignmentsTab')}
        </button>
      ))}
    </div>
  );
}
