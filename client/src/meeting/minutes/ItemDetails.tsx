import { useId } from 'react';
import {
  DocError,
  DocLimits,
  editItem,
  type ItemPatch,
  type ItemSummary,
  itemKinds,
  itemStatuses,
} from '../../../../shared/doc/index.ts';
import { peopleListId } from '../../editor/nodeViewFields.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkspace } from '../workspaceContext.ts';

/** Writes a field of an item; a refusal (locked minutes) is reported instead of thrown. */
export function useEditItem(itemId: string): (patch: ItemPatch) => void {
  const { doc, announce } = useWorkspace();
  const { t } = useI18n();
  return (patch) => {
    try {
      editItem(doc, itemId, patch);
    } catch (error) {
      if (!(error instanceof DocError)) throw error;
      announce(t('agenda.errorGeneric'));
    }
  };
}

/**
 * The item's status (ej behandlad, behandlad, bordlagd): a select in the current § for the chair
 * and the secretary, otherwise a badge unless the item is still pending.
 */
export function StatusControl(props: { item: ItemSummary; name: string; expanded: boolean }) {
  const { item, name, expanded } = props;
  const { t } = useI18n();
  const { capabilities } = useWorkspace();
  const edit = useEditItem(item.id);
  if (!capabilities.editStructure || !expanded) {
    return item.status === 'pending' ? null : (
      <span className="badge paragraph__status" data-status={item.status}>
        {t(`status.${item.status}` as const)}
      </span>
    );
  }
  return (
    <select
      className="select select--compact paragraph__status"
      data-status={item.status}
      value={item.status}
      aria-label={t('item.statusLabel', { name })}
      onChange={(event) => {
        const status = itemStatuses.find((value) => value === event.target.value);
        if (status !== undefined) edit({ status });
      }}
    >
      {itemStatuses.map((status) => (
        <option key={status} value={status}>
          {t(`status.${status}` as const)}
        </option>
      ))}
    </select>
  );
}

/**
 * Kind of item (ärendetyp) and presenter (föredragande): a line of text, and fields to change
 * them in the current § for the chair and the secretary.
 */
export function ItemDetails(props: { item: ItemSummary; name: string; expanded: boolean }) {
  const { item, name, expanded } = props;
  const { t } = useI18n();
  const { capabilities } = useWorkspace();
  const edit = useEditItem(item.id);
  const id = useId();
  if (!capabilities.editStructure || !expanded) {
    const details = [
      t(`kind.${item.kind}` as const),
      item.presenter.trim() === '' ? '' : t('item.presentedBy', { name: item.presenter }),
    ].filter(Boolean);
    return <p className="paragraph__details">{details.join(' · ')}</p>;
  }
  return (
    <div className="paragraph__details paragraph__details--edit">
      <label className="inline-field" htmlFor={`${id}-kind`}>
        <span className="inline-field__label">{t('item.kind')}</span>
        <select
          id={`${id}-kind`}
          className="select select--compact"
          value={item.kind}
          aria-description={name}
          onChange={(event) => {
            const kind = itemKinds.find((value) => value === event.target.value);
            if (kind !== undefined) edit({ kind });
          }}
        >
          {itemKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kind.${kind}` as const)}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field inline-field--grow" htmlFor={`${id}-presenter`}>
        <span className="inline-field__label">{t('item.presenter')}</span>
        <input
          id={`${id}-presenter`}
          className="inline-field__input"
          type="text"
          list={peopleListId}
          value={item.presenter}
          maxLength={DocLimits.shortText}
          placeholder={t('item.presenterPlaceholder')}
          autoComplete="off"
          onChange={(event) => edit({ presenter: event.target.value })}
        />
      </label>
    </div>
  );
}
