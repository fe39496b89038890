import { useMemo } from 'react';
import type { ItemSummary } from '../../../../shared/doc/index.ts';
import { EditorToolbar } from '../../editor/EditorToolbar.tsx';
import type { PlaceholderTexts } from '../../editor/extensions.ts';
import { TableTools } from '../../editor/TableTools.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useAgendaActions } from '../agenda/agendaActions.ts';
import { useWorkspace } from '../workspaceContext.ts';
import { ItemSection } from './ItemSection.tsx';

export interface MinutesPaneProps {
  items: ItemSummary[];
  ready: boolean;
  connected: boolean;
}

/** The minutes (protokoll): one § after another, with one formatting toolbar for all bodies. */
export function MinutesPane({ items, ready, connected }: MinutesPaneProps) {
  const { t, language } = useI18n();
  const { capabilities, currentItemId, showShortcuts } = useWorkspace();
  const actions = useAgendaActions();
  // One object per language, so the editors refresh their placeholders only on a switch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: t changes with the language.
  const placeholder = useMemo<PlaceholderTexts>(
    () => ({
      body: t('item.bodyPlaceholder'),
      line: t('item.linePlaceholder'),
    }),
    [language],
  );

  return (
    <section className="minutes" aria-labelledby="minutes-heading">
      <div className="minutes__bar">
        <h2 id="minutes-heading" className="visually-hidden">
          {t('meeting.minutesHeading')}
        </h2>
        {capabilities.editText ? (
          <EditorToolbar label={t('editor.toolbarLabel')} />
        ) : (
          <p className="minutes__read-only" aria-hidden="true">
            {t('meeting.minutesHeading')}
          </p>
        )}
        <button
          type="button"
          className="minutes__help"
          onClick={showShortcuts}
          aria-keyshortcuts="?"
          aria-label={t('shortcuts.open')}
          title={t('shortcuts.open')}
        >
          <span aria-hidden="true">?</span>
        </button>
        <TableTools />
      </div>
      {!ready && (
        <p className="minutes__loading" role="status">
          {t('meeting.loadingEditor')}
        </p>
      )}
      {ready && items.length === 0 && (
        <p className="minutes__loading" role={connected ? undefined : 'status'}>
          {connected ? t('meeting.noItems') : t('meeting.loadingEditor')}
        </p>
      )}
      {ready &&
        items.map((item) => (
          <ItemSection
            key={item.id}
            item={item}
            current={item.id === currentItemId}
            placeholder={placeholder}
          />
        ))}
      {ready && capabilities.editStructure && (
        <div className="minutes__end">
          <button type="button" className="button" onClick={() => actions.add()}>
            <span aria-hidden="true">+</span> {t('agenda.add')}
          </button>
        </div>
      )}
    </section>
  );
}
