import { type ChainedCommands, useEditorState } from '@tiptap/react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { useActiveEditor, useEditorRegistry } from './editorRegistry.ts';

const tableActions: ReadonlyArray<{
  id: string;
  label: MessageKey;
  run: (chain: ChainedCommands) => ChainedCommands;
}> = [
  { id: 'rowAfter', label: 'table.addRow', run: (chain) => chain.addRowAfter() },
  { id: 'columnAfter', label: 'table.addColumn', run: (chain) => chain.addColumnAfter() },
  { id: 'deleteRow', label: 'table.deleteRow', run: (chain) => chain.deleteRow() },
  { id: 'deleteColumn', label: 'table.deleteColumn', run: (chain) => chain.deleteColumn() },
  { id: 'deleteTable', label: 'table.delete', run: (chain) => chain.deleteTable() },
];

/**
 * Row and column commands, shown under the toolbar while the caret is in a table of an
 * editable body. (Tab moves on to the next cell and adds a row at the end of the table.)
 */
export function TableTools() {
  const { t } = useI18n();
  const active = useActiveEditor(useEditorRegistry());
  const editor = active?.editor ?? null;
  const inTable = useEditorState({
    editor,
    selector: ({ editor: current }) => (current?.isEditable ?? false) && current?.isActive('table'),
  });
  if (editor === null || inTable !== true) return null;
  return (
    <fieldset className="table-tools" aria-label={t('table.tools')}>
      {tableActions.map((action) => (
        <button
          key={action.id}
          type="button"
          className="table-tools__button"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => action.run(editor.chain().focus()).run()}
        >
          {t(action.label)}
        </button>
      ))}
    </fieldset>
  );
}
