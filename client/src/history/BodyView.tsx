import type { ReactNode } from 'react';
import type { VersionBody } from '../api/history.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function count(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/** Text with its bold and italic marks; other marks (links, highlights) read as plain text. */
function InlineText({ node }: { node: VersionBody }) {
  let content: ReactNode = node.text ?? '';
  for (const mark of node.marks ?? []) {
    if (mark.type === 'bold') content = <strong>{content}</strong>;
    else if (mark.type === 'italic') content = <em>{content}</em>;
  }
  return <>{content}</>;
}

function Children({ node }: { node: VersionBody }) {
  return (
    <>
      {(node.content ?? []).map((child, index) => (
        // A saved version never changes: the position is a stable key here.
        // biome-ignore lint/suspicious/noArrayIndexKey: static content of a snapshot
        <BodyNode key={index} node={child} />
      ))}
    </>
  );
}

function Decision({ node }: { node: VersionBody }) {
  const { t } = useI18n();
  const votes = [
    count(node.attrs?.votesFor),
    count(node.attrs?.votesAgainst),
    count(node.attrs?.votesAbstain),
  ];
  const reservations = text(node.attrs?.reservations);
  return (
    <div className="version-decision">
      <p className="version-decision__label">{t('version.decision')}</p>
      <Children node={node} />
      {votes.some((value) => value !== null) && (
        <p className="version-decision__votes">
          {t('version.votes', {
            for: votes[0] ?? 0,
            against: votes[1] ?? 0,
            abstain: votes[2] ?? 0,
          })}
        </p>
      )}
      {reservations !== '' && (
        <p className="version-decision__votes">{t('version.reservations', { reservations })}</p>
      )}
    </div>
  );
}

function Assignment({ node }: { node: VersionBody }) {
  const { t } = useI18n();
  const assignee = text(node.attrs?.assignee);
  const due = text(node.attrs?.dueDate);
  return (
    <p className="version-assignment">
      <span className="version-assignment__label">
        {t('version.assignment')}
        {assignee !== '' && `: ${assignee}`}
      </span>{' '}
      <Children node={node} />
      {due !== '' && (
        <span className="version-assignment__due"> {t('version.due', { date: due })}</span>
      )}
    </p>
  );
}

/**
 * One node of a § body as it was saved (ProseMirror JSON), drawn with plain elements: the
 * history page reads versions without loading an editor.
 */
export function BodyNode({ node }: { node: VersionBody }): ReactNode {
  switch (node.type) {
    case 'text':
      return <InlineText node={node} />;
    case 'hardBreak':
      return <br />;
    case 'doc':
      return <Children node={node} />;
    case 'paragraph':
      return (
        <p>
          <Children node={node} />
        </p>
      );
    case 'heading':
      return (
        <h4 className="version-body__heading">
          <Children node={node} />
        </h4>
      );
    case 'bulletList':
      return (
        <ul>
          <Children node={node} />
        </ul>
      );
    case 'orderedList':
      return (
        <ol>
          <Children node={node} />
        </ol>
      );
    case 'listItem':
      return (
        <li>
          <Children node={node} />
        </li>
      );
    case 'blockquote':
      return (
        <blockquote>
          <Children node={node} />
        </blockquote>
      );
    case 'table':
      return (
        <div className="version-body__table">
          <table>
            <tbody>
              <Children node={node} />
            </tbody>
          </table>
        </div>
      );
    case 'tableRow':
      return (
        <tr>
          <Children node={node} />
        </tr>
      );
    case 'tableHeader':
      return (
        <th>
          <Children node={node} />
        </th>
      );
    case 'tableCell':
      return (
        <td>
          <Children node={node} />
        </td>
      );
    case 'decision':
      return <Decision node={node} />;
    case 'assignment':
      return <Assignment node={node} />;
    default:
      return (
        <div>
          <Children node={node} />
        </div>
      );
  }
}
