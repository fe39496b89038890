import {
  type ChangeEvent,
  type KeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useSyncExternalStore,
} from 'react';
import type * as Y from 'yjs';
import { replaceText } from '../../../shared/doc/index.ts';

type Delta = Array<{ insert?: unknown; retain?: number; delete?: number }>;

/**
 * Where a caret at `index` ends up after a remote change described by a Yjs text delta. Text
 * inserted exactly at the caret goes after it, so someone typing at the same spot does not push
 * the caret along.
 */
export function mapCaret(index: number, delta: Delta): number {
  let oldPos = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldPos >= index && op.insert === undefined) break;
    if (op.retain !== undefined) {
      oldPos += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (oldPos < index) shift += length;
    } else if (op.delete !== undefined) {
      const end = oldPos + op.delete;
      shift -= Math.min(end, index) - oldPos;
      oldPos = end;
    }
  }
  return Math.max(0, index + shift);
}

/**
 * Applies the edit that turned `before` into `after` to `text`, at the positions the person saw.
 * Used when a remote change reached the shared text but not yet the field: rewriting the field's
 * whole value would undo that change. `caret` (where the caret is after the edit) places an
 * insertion inside a run of equal characters where it was typed.
 */
function applyEdit(text: Y.Text, before: string, after: string, caret: number): void {
  let start = 0;
  const maxStart = Math.min(before.length, after.length, Math.max(0, caret));
  while (start < maxStart && before[start] === after[start]) start += 1;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end += 1;
  }
  const deleteCount = before.length - start - end;
  const inserted = after.slice(start, after.length - end);
  const length = text.length;
  const at = Math.min(start, length);
  text.doc?.transact(() => {
    if (deleteCount > 0) text.delete(at, Math.min(deleteCount, length - at));
    if (inserted !== '') text.insert(at, inserted);
  });
}

type FieldElement = HTMLInputElement | HTMLTextAreaElement;

export interface CollaborativeTextFieldProps {
  /** The shared plain text (an item's title or proposal). */
  text: Y.Text;
  multiline?: boolean;
  /** A textarea that wraps long text but holds one line: line breaks become spaces. */
  singleLine?: boolean;
  readOnly: boolean;
  maxLength: number;
  id?: string;
  className?: string;
  placeholder?: string;
  /** Accessible name when there is no visible <label for>. */
  label?: string;
  describedBy?: string;
  onKeyDown?: (event: KeyboardEvent<FieldElement>) => void;
}

/**
 * An input (or textarea) bound to a Y.Text: what one person types is written as a diff (so two
 * people typing in the same title merge character by character), and a change from someone else
 * keeps this person's caret where it was in the text.
 */
export function CollaborativeTextField(props: CollaborativeTextFieldProps) {
  const { text, multiline = false, singleLine = false, readOnly, maxLength, onKeyDown } = props;
  const element = useRef<FieldElement | null>(null);
  const pendingSelection = useRef<{ start: number; end: number } | null>(null);

  const subscribe = useCallback(
    (listener: () => void) => {
      text.observe(listener);
      return () => text.unobserve(listener);
    },
    [text],
  );
  const value = useSyncExternalStore(subscribe, () => text.toString());
  // What the field shows: typing is diffed against this, not against a newer shared value.
  const shown = useRef(value);
  shown.current = value;

  useEffect(() => {
    const observer = (event: Y.YTextEvent, transaction: Y.Transaction) => {
      const field = element.current;
      if (transaction.local || field === null || document.activeElement !== field) return;
      const base = pendingSelection.current ?? {
        start: field.selectionStart ?? 0,
        end: field.selectionEnd ?? 0,
      };
      const delta = event.delta as Delta;
      pendingSelection.current = {
        start: mapCaret(base.start, delta),
        end: mapCaret(base.end, delta),
      };
    };
    text.observe(observer);
    return () => text.unobserve(observer);
  }, [text]);

  // React has just written a remote change into the field, which puts the caret at the end.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after every new value on purpose.
  useLayoutEffect(() => {
    const field = element.current;
    const selection = pendingSelection.current;
    pendingSelection.current = null;
    if (field === null || selection === null || document.activeElement !== field) return;
    field.setSelectionRange(selection.start, selection.end);
  }, [value]);

  const onChange = (event: ChangeEvent<FieldElement>) => {
    if (readOnly) return;
    const typed = singleLine ? event.target.value.replace(/\r?\n/g, ' ') : event.target.value;
    const next = typed.slice(0, maxLength);
    if (text.toString() === shown.current) replaceText(text, next);
    else applyEdit(text, shown.current, next, event.target.selectionEnd ?? next.length);
  };

  const common = {
    id: props.id,
    className: props.className,
    value,
    onChange,
    onKeyDown,
    readOnly,
    maxLength,
    placeholder: props.placeholder,
    'aria-label': props.label,
    'aria-describedby': props.describedBy,
    spellCheck: true,
    autoComplete: 'off',
  };
  if (multiline) {
    return (
      <textarea
        {...common}
        ref={(node) => {
          element.current = node;
        }}
        rows={singleLine ? 1 : 2}
        aria-multiline={singleLine ? false : undefined}
      />
    );
  }
  return (
    <input
      {...common}
      ref={(node) => {
        element.current = node;
      }}
      type="text"
    />
  );
}
