import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { type Attachment, DocLimits, type ItemSummary } from '../../../../shared/doc/index.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useWorkspace } from '../workspaceContext.ts';
import { useEditItem } from './ItemDetails.tsx';

/** The item's attachments (bilagor): "Bilaga 2 — Delårsrapport". */
export function Attachments(props: { item: ItemSummary; name: string; expanded: boolean }) {
  const { item, name, expanded } = props;
  const { t } = useI18n();
  const { capabilities } = useWorkspace();
  const edit = useEditItem(item.id);
  const id = useId();
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState('');
  const titleInput = useRef<HTMLInputElement>(null);

  // The form was opened by the button just pressed: go on to its field.
  useEffect(() => {
    if (adding) titleInput.current?.focus();
  }, [adding]);
  // Adding is offered in the current § only; removing wherever attachments are listed.
  const canEdit = capabilities.editStructure;
  if (item.attachments.length === 0 && !(canEdit && expanded)) return null;

  const nextLabel = t('attachment.defaultLabel', { number: item.attachments.length + 1 });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = title.trim();
    if (trimmed === '') return;
    const attachment: Attachment = {
      label: nextLabel,
      title: trimmed.slice(0, DocLimits.shortText),
    };
    edit({ attachments: [...item.attachments, attachment] });
    setTitle('');
    setAdding(false);
  };

  return (
    <div className="attachments">
      {item.attachments.length > 0 && (
        <ul className="attachments__list" aria-label={t('attachment.listLabel', { name })}>
          {item.attachments.map((attachment, index) => (
            // Attachments are plain values without ids; the list is edited by position.
            // biome-ignore lint/suspicious/noArrayIndexKey: position is the identity here.
            <li key={`${attachment.label}-${index}`} className="attachments__item">
              <span className="attachments__label">{attachment.label}</span>
              <span className="attachments__title">{attachment.title}</span>
              {canEdit && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('attachment.remove', { label: attachment.label })}
                  title={t('attachment.remove', { label: attachment.label })}
                  onClick={() =>
                    edit({ attachments: item.attachments.filter((_, other) => other !== index) })
                  }
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && expanded && !adding && (
        <button
          type="button"
          className="link-button attachments__add"
          onClick={() => setAdding(true)}
        >
          {t('attachment.add')}
        </button>
      )}
      {canEdit && expanded && adding && (
        <form className="attachments__form" onSubmit={submit}>
          <label className="inline-field inline-field--grow" htmlFor={`${id}-title`}>
            <span className="inline-field__label">{nextLabel}</span>
            <input
              ref={titleInput}
              id={`${id}-title`}
              className="inline-field__input"
              type="text"
              value={title}
              maxLength={DocLimits.shortText}
              placeholder={t('attachment.titlePlaceholder')}
              onChange={(event) => setTitle(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') setAdding(false);
              }}
            />
          </label>
          <button type="submit" className="button button--small">
            {t('attachment.save')}
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => setAdding(false)}
          >
            {t('workspace.cancel')}
          </button>
        </form>
      )}
    </div>
  );
}
