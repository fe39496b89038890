import { type KeyboardEvent, memo, useEffect, useMemo } from 'react';
import {
  DocLimits,
  type ItemSummary,
  itemProposal,
  itemTitle,
} from '../../../../shared/doc/index.ts';
import { itemAnchor } from '../../app/routes.ts';
import { CollaborativeTextField } from '../../editor/CollaborativeTextField.tsx';
import type { PlaceholderTexts } from '../../editor/extensions.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkspace } from '../workspaceContext.ts';
import { Attachments } from './Attachments.tsx';
import { ItemDetails, StatusControl } from './ItemDetails.tsx';
import { SectionBody } from './SectionBody.tsx';

/** The element id of a § in the minutes, for scrolling and links (see meetingItemPath). */
export function sectionId(itemId: string): string {
  return itemAnchor(itemId);
}

export interface ItemSectionProps {
  item: ItemSummary;
  current: boolean;
  placeholder: PlaceholderTexts;
}

/**
 * One § of the minutes: number and title, kind, presenter and status, the proposal (förslag
 * till beslut), attachments, and the body with its decisions and assignments. Focus anywhere in
 * it makes it this person's current §, which the others see in the agenda.
 */
export const ItemSection = memo(function ItemSection({
  item,
  current,
  placeholder,
}: ItemSectionProps) {
  const { t } = useI18n();
  const { doc, capabilities, setCurrentItem, settlePendingFocus, goToItem } = useWorkspace();
  const title = useMemo(() => itemTitle(doc, item.id), [doc, item.id]);
  const proposal = useMemo(() => itemProposal(doc, item.id), [doc, item.id]);
  const struck = item.removedAfterApproval;
  const label = item.label === null ? null : `§ ${item.label}`;
  const name = label ?? (item.title.trim() || t('item.untitled'));
  const headingId = `${sectionId(item.id)}-heading`;
  const Heading = item.depth === 0 ? 'h3' : 'h4';

  useEffect(() => settlePendingFocus(), [settlePendingFocus]);

  // Enter in the title goes on to the body, as it would in a word processor.
  const onTitleKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey && !event.ctrlKey) {
      event.preventDefault();
      goToItem(item.id, 'body');
    }
  };

  // Empty fields are offered only in the current §, so the minutes read as minutes.
  const showProposal = item.proposal !== '' || (capabilities.editText && current);

  return (
    <article
      id={sectionId(item.id)}
      className="paragraph"
      data-depth={item.depth}
      data-struck={struck}
      data-current={current}
      aria-labelledby={headingId}
      tabIndex={-1}
      onFocus={() => setCurrentItem(item.id)}
    >
      <header className="paragraph__header">
        <Heading id={headingId} className="paragraph__heading">
          <span className="paragraph__number">{label ?? t('item.struck')}</span>
          <span className="visually-hidden">{item.title}</span>
        </Heading>
        <CollaborativeTextField
          text={title}
          multiline
          singleLine
          className="paragraph__title"
          label={t('item.titleLabel', { name })}
          placeholder={t('item.titlePlaceholder')}
          maxLength={DocLimits.shortText}
          readOnly={!capabilities.editText}
          onKeyDown={onTitleKeyDown}
        />
        <StatusControl item={item} name={name} expanded={current} />
      </header>
      {(item.addedAfterApproval || struck) && (
        <p className="paragraph__changes">{struck ? t('item.struckNote') : t('item.addedNote')}</p>
      )}
      <ItemDetails item={item} name={name} expanded={current} />
      {showProposal && (
        <div className="paragraph__proposal">
          <label className="field-label" htmlFor={`${sectionId(item.id)}-proposal`}>
            {t('item.proposal')}
          </label>
          <CollaborativeTextField
            id={`${sectionId(item.id)}-proposal`}
            text={proposal}
            multiline
            className="paragraph__proposal-input"
            placeholder={t('item.proposalPlaceholder')}
            maxLength={DocLimits.longText}
            readOnly={!capabilities.editText}
          />
        </div>
      )}
      <Attachments item={item} name={name} expanded={current} />
      <SectionBody item={item} name={name} forceMount={current} placeholder={placeholder} />
    </article>
  );
});
