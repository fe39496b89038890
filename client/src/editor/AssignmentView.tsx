import {
  NodeViewContent,
  type NodeViewProps,
  NodeViewWrapper,
  useEditorState,
} from '@tiptap/react';
import { useId } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { parseDueDate, peopleListId } from './nodeViewFields.ts';

/**
 * An assignment (uppdrag) in a § body: who is to do it and by when, with the task as its text.
 * The assignee field suggests the board's members and the meeting's attendees.
 */
export function AssignmentView({ node, editor, updateAttributes, deleteNode }: NodeViewProps) {
  const { t } = useI18n();
  const baseId = useId();
  const editable = useEditorState({
    editor,
    selector: ({ editor: current }) => current.isEditable,
  });
  const attrs = node.attrs as Record<string, unknown>;
  const assignee = typeof attrs.assignee === 'string' ? attrs.assignee : '';
  const dueDate = typeof attrs.dueDate === 'string' ? attrs.dueDate : '';

  return (
    <NodeViewWrapper className="block-view block-view--assignment" data-type="assignment">
      <div className="block-view__head" contentEditable={false}>
        <span className="block-view__label">{t('assignment.label')}</span>
        <label className="block-view__field" htmlFor={`${baseId}-who`}>
          <span>{t('assignment.assignee')}</span>
          <input
            id={`${baseId}-who`}
            className="block-view__input"
            type="text"
            list={peopleListId}
            value={assignee}
            maxLength={200}
            readOnly={!editable}
            placeholder={t('assignment.assigneePlaceholder')}
            onChange={(event) => updateAttributes({ assignee: event.target.value })}
          />
        </label>
        <label className="block-view__field" htmlFor={`${baseId}-due`}>
          <span>{t('assignment.dueDate')}</span>
          <input
            id={`${baseId}-due`}
            className="block-view__input block-view__input--date"
            type="date"
            value={dueDate}
            readOnly={!editable}
            onChange={(event) => {
              const value = parseDueDate(event.target.value);
              if (value !== undefined) updateAttributes({ dueDate: value });
            }}
          />
        </label>
        {editable && (
          <button
            type="button"
            className="block-view__action block-view__action--remove"
            aria-label={t('assignment.remove')}
            title={t('assignment.remove')}
            onClick={() => deleteNode()}
          >
            ×
          </button>
        )}
      </div>
      <div className="block-view__text">
        {editable && node.content.size === 0 && (
          <span className="block-view__placeholder" contentEditable={false} aria-hidden="true">
            {t('assignment.placeholder')}
          </span>
        )}
        <NodeViewContent className="block-view__content block-view__content--task" />
      </div>
    </NodeViewWrapper>
  );
}
