import {
  NodeViewContent,
  type NodeViewProps,
  NodeViewWrapper,
  useEditorState,
} from '@tiptap/react';
import { useId, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { parseVoteCount } from './nodeViewFields.ts';

const voteFields = [
  { attr: 'votesFor', label: 'decision.votesFor' },
  { attr: 'votesAgainst', label: 'decision.votesAgainst' },
  { attr: 'votesAbstain', label: 'decision.votesAbstain' },
] as const satisfies ReadonlyArray<{ attr: string; label: MessageKey }>;

/** No text yet: nothing, or one empty paragraph (as inserted). */
function isBlank(node: NodeViewProps['node']): boolean {
  return node.childCount === 0 || (node.childCount === 1 && node.textContent === '');
}

function count(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/**
 * A decision (beslut) in a § body: its text, and on demand the vote result (for, against,
 * abstaining) and reservations. The fields are node attributes, so two people filling in the
 * vote at once each keep the field they typed in.
 */
export function DecisionView({ node, editor, updateAttributes, deleteNode }: NodeViewProps) {
  const { t } = useI18n();
  const baseId = useId();
  const editable = useEditorState({
    editor,
    selector: ({ editor: current }) => current.isEditable,
  });
  const attrs = node.attrs as Record<string, unknown>;
  const hasVotes = voteFields.some(({ attr }) => count(attrs[attr]) !== null);
  const reservations = typeof attrs.reservations === 'string' ? attrs.reservations : '';
  const [votesOpen, setVotesOpen] = useState(false);
  const [reservationsOpen, setReservationsOpen] = useState(false);
  const showVotes = hasVotes || votesOpen;
  const showReservations = reservations !== '' || reservationsOpen;

  const removeVotes = () => {
    updateAttributes({ votesFor: null, votesAgainst: null, votesAbstain: null });
    setVotesOpen(false);
  };

  return (
    <NodeViewWrapper className="block-view block-view--decision" data-type="decision">
      <div className="block-view__head" contentEditable={false}>
        <span className="block-view__label">{t('decision.label')}</span>
        {editable && (
          <span className="block-view__actions">
            {!showVotes && (
              <button
                type="button"
                className="block-view__action"
                onClick={() => setVotesOpen(true)}
              >
                {t('decision.addVotes')}
              </button>
            )}
            {!showReservations && (
              <button
                type="button"
                className="block-view__action"
                onClick={() => setReservationsOpen(true)}
              >
                {t('decision.addReservations')}
              </button>
            )}
            <button
              type="button"
              className="block-view__action block-view__action--remove"
              aria-label={t('decision.remove')}
              title={t('decision.remove')}
              onClick={() => deleteNode()}
            >
              ×
            </button>
          </span>
        )}
      </div>
      <div className="block-view__text">
        {editable && isBlank(node) && (
          <span className="block-view__placeholder" contentEditable={false} aria-hidden="true">
            {t('decision.placeholder')}
          </span>
        )}
        <NodeViewContent className="block-view__content" />
      </div>
      {showVotes && (
        <fieldset className="block-view__votes" contentEditable={false}>
          <legend className="block-view__legend">{t('decision.votes')}</legend>
          {voteFields.map(({ attr, label }) => (
            <label key={attr} className="block-view__field" htmlFor={`${baseId}-${attr}`}>
              <span>{t(label)}</span>
              <input
                id={`${baseId}-${attr}`}
                className="block-view__input block-view__input--count"
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                value={count(attrs[attr]) ?? ''}
                readOnly={!editable}
                onChange={(event) => {
                  const value = parseVoteCount(event.target.value);
                  if (value !== undefined) updateAttributes({ [attr]: value });
                }}
              />
            </label>
          ))}
          {editable && (
            <button type="button" className="block-view__action" onClick={removeVotes}>
              {t('decision.removeVotes')}
            </button>
          )}
        </fieldset>
      )}
      {showReservations && (
        <div className="block-view__row" contentEditable={false}>
          <label className="block-view__field block-view__field--wide" htmlFor={`${baseId}-res`}>
            <span>{t('decision.reservations')}</span>
            <input
              id={`${baseId}-res`}
              className="block-view__input"
              type="text"
              value={reservations}
              maxLength={500}
              readOnly={!editable}
              placeholder={t('decision.reservationsPlaceholder')}
              onChange={(event) => updateAttributes({ reservations: event.target.value })}
            />
          </label>
        </div>
      )}
    </NodeViewWrapper>
  );
}
