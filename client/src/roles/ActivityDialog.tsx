import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { readItems } from '../../../shared/doc/index.ts';
import { fetchActivity } from '../api/meetings.ts';
import { apiErrorKey } from '../app/apiErrors.ts';
import { DialogHeader } from '../app/DialogHeader.tsx';
import { formatDateTime, formatTime } from '../app/dates.ts';
import { FormAlert } from '../app/FormAlert.tsx';
import { useApiData } from '../app/useApiData.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { type ActivityItem, activityRows } from './activity.ts';

export interface ActivityDialogProps {
  open: boolean;
  onClose: () => void;
  meetingId: string;
  /** The live meeting document, to name items by § and title; null outside the workspace. */
  doc: Y.Doc | null;
  /** Goes to an item in the workspace; absent outside it (items are then plain text). */
  onGoToItem?: ((itemId: string) => void) | undefined;
}

/**
 * The meeting's activity view: who changed which items, and when, newest first (the audit log
 * the server writes from the stored updates). A modal <dialog>, like the roles panel; its list
 * is loaded each time it opens, and each named item leads to that item in the workspace.
 */
export function ActivityDialog({ open, onClose, meetingId, doc, onGoToItem }: ActivityDialogProps) {
  const { t } = useI18n();
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog === null) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);

  const goTo =
    onGoToItem === undefined
      ? undefined
      : (itemId: string) => {
          // Closed here, synchronously, so the browser's focus restore on close happens before
          // the workspace moves the focus to the item.
          dialogRef.current?.close();
          onGoToItem(itemId);
        };

  return (
    <dialog
      ref={dialogRef}
      className="dialog activity-dialog"
      aria-labelledby="activity-heading"
      aria-describedby="activity-intro"
      onClose={onClose}
    >
      <div className="dialog__body">
        <DialogHeader
          headingId="activity-heading"
          title={t('activity.heading')}
          onClose={onClose}
        />
        <p id="activity-intro" className="hint">
          {t('activity.intro')}
        </p>
        {/* Mounted only while open, so every opening loads the log afresh. */}
        {open && <ActivityList meetingId={meetingId} doc={doc} onGoToItem={goTo} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </dialog>
  );
}

function ActivityList({
  meetingId,
  doc,
  onGoToItem,
}: {
  meetingId: string;
  doc: Y.Doc | null;
  onGoToItem: ((itemId: string) => void) | undefined;
}) {
  const { t } = useI18n();
  const [activity, reload] = useApiData((signal) => fetchActivity(meetingId, signal), meetingId);

  return (
    <section
      className="activity"
      aria-labelledby="activity-heading"
      aria-busy={activity.status === 'loading'}
    >
      <div className="activity__toolbar">
        <button type="button" className="button button--small" onClick={reload}>
          {t('activity.refresh')}
        </button>
      </div>
      {activity.status === 'loading' && <p className="hint">{t('activity.loading')}</p>}
      <FormAlert tone="error">
        {activity.status === 'failed' &&
          `${t('activity.failed')} ${t(apiErrorKey(activity.failure))}`}
      </FormAlert>
      {activity.status === 'ready' &&
        (activity.data.length === 0 ? (
          <p className="hint">{t('activity.empty')}</p>
        ) : (
          <ol className="activity__list">
            {activityRows(activity.data, doc === null ? [] : readItems(doc)).map((row) => (
              <li key={row.key} className="activity__entry">
                <TimeSpan from={row.from} at={row.at} />
                <span className="activity__what">
                  <strong className="activity__author">
                    {row.author ?? t('activity.unknownAuthor')}
                  </strong>{' '}
                  {t('activity.changed')}
                </span>
                <ul className="activity__items">
                  {row.items.map((item) => (
                    <li key={item.itemId}>
                      <ItemReference item={item} onGoToItem={onGoToItem} />
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}

function ItemReference({
  item,
  onGoToItem,
}: {
  item: ActivityItem;
  onGoToItem: ((itemId: string) => void) | undefined;
}) {
  const { t } = useI18n();
  if (item.state === 'gone') return <span className="muted">{t('activity.goneItem')}</span>;
  const name =
    item.state === 'live'
      ? `§ ${item.label} ${item.title || t('activity.untitled')}`
      : `${item.title || t('activity.untitled')} (${t('activity.struck')})`;
  if (onGoToItem === undefined) return <span>{name}</span>;
  return (
    <button type="button" className="link-button" onClick={() => onGoToItem(item.itemId)}>
      {name}
    </button>
  );
}

/** When a row's changes happened: one time, or "14 maj 2024 kl. 14:02–14:07" for a merged row. */
function TimeSpan({ from, at }: { from: string; at: string }) {
  const { language } = useI18n();
  const single = formatTime(from, language) === formatTime(at, language);
  const sameDay = new Date(from).toDateString() === new Date(at).toDateString();
  return (
    <span className="activity__time">
      {single ? (
        <time dateTime={at}>{formatDateTime(at, language)}</time>
      ) : (
        <>
          <time dateTime={from}>{formatDateTime(from, language)}</time>–
          <time dateTime={at}>
            {sameDay ? formatTime(at, language) : formatDateTime(at, language)}
          </time>
        </>
      )}
    </span>
  );
}
