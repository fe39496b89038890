import { Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import type { ChainedCommands, Editor } from '@tiptap/react';
import type { MessageKey } from '../i18n/messages.ts';
import { insertAssignment, insertDecision, insertTable } from './insertBlocks.ts';

/**
 * The "/" menu of a § body: typing "/" at the start of a line or after a space opens a list of
 * blocks to insert; typing more letters filters it ("/bes" → Beslut), arrows choose, Enter
 * inserts, Escape closes. Written as a small ProseMirror plugin plus an external store the React
 * popup reads, instead of pulling in @tiptap/suggestion for one menu.
 */

export interface SlashCommand {
  id: string;
  label: MessageKey;
  hint: MessageKey;
  /** Words the query is matched against, in both languages. */
  keywords: readonly string[];
  run: (chain: ChainedCommands) => ChainedCommands;
}

export const slashCommands: readonly SlashCommand[] = [
  {
    id: 'decision',
    label: 'slash.decision',
    hint: 'slash.decisionHint',
    keywords: ['beslut', 'decision', 'votering', 'vote'],
    run: insertDecision,
  },
  {
    id: 'assignment',
    label: 'slash.assignment',
    hint: 'slash.assignmentHint',
    keywords: ['uppdrag', 'assignment', 'uppgift', 'task'],
    run: insertAssignment,
  },
  {
    id: 'table',
    label: 'slash.table',
    hint: 'slash.tableHint',
    keywords: ['tabell', 'table'],
    run: insertTable,
  },
  {
    id: 'heading',
    label: 'slash.heading',
    hint: 'slash.headingHint',
    keywords: ['rubrik', 'heading', 'title'],
    run: (chain) => chain.setHeading({ level: 3 }),
  },
  {
    id: 'bulletList',
    label: 'slash.bulletList',
    hint: 'slash.bulletListHint',
    keywords: ['punktlista', 'lista', 'bullet', 'list'],
    run: (chain) => chain.toggleBulletList(),
  },
  {
    id: 'orderedList',
    label: 'slash.orderedList',
    hint: 'slash.orderedListHint',
    keywords: ['numrerad', 'lista', 'numbered', 'ordered', 'list'],
    run: (chain) => chain.toggleOrderedList(),
  },
];

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('sv');
}

/** The commands whose keywords or label start with the query (case and accents ignored). */
export function filterCommands(query: string, labelOf: (command: SlashCommand) => string) {
  const wanted = fold(query);
  if (wanted === '') return [...slashCommands];
  return slashCommands.filter(
    (command) =>
      fold(labelOf(command)).startsWith(wanted) ||
      command.keywords.some((keyword) => fold(keyword).startsWith(wanted)),
  );
}

interface Trigger {
  /** Position of the "/". */
  from: number;
  /** The caret, after the query. */
  to: number;
  query: string;
}

const triggerPattern = /(?:^|\s)\/([\p{L}\p{N}]{0,24})$/u;

function findTrigger(state: EditorState): Trigger | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const $pos = selection.$from;
  if (!$pos.parent.isTextblock) return null;
  const start = Math.max(0, $pos.parentOffset - 40);
  const before = $pos.parent.textBetween(start, $pos.parentOffset, undefined, '\ufffc');
  const match = triggerPattern.exec(before);
  if (match === null) return null;
  const query = match[1] ?? '';
  return { from: $pos.pos - query.length - 1, to: $pos.pos, query };
}

export interface SlashMenuSnapshot {
  open: boolean;
  query: string;
  /** Where to draw the menu, relative to the viewport. */
  anchor: { left: number; top: number; bottom: number } | null;
  index: number;
  commands: readonly SlashCommand[];
}

const closed: SlashMenuSnapshot = { open: false, query: '', anchor: null, index: 0, commands: [] };

/** The menu's state, shared by the plugin (keys) and the React popup (rendering, clicks). */
export class SlashMenuController {
  private snapshot: SlashMenuSnapshot = closed;
  private trigger: Trigger | null = null;
  private dismissedAt: number | null = null;
  private readonly listeners = new Set<() => void>();
  editor: Editor | null = null;

  constructor(private readonly labelOf: () => (command: SlashCommand) => string) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): SlashMenuSnapshot => this.snapshot;

  /** Called by the plugin after every view update. */
  update(trigger: Trigger | null, anchor: SlashMenuSnapshot['anchor']): void {
    if (trigger === null || trigger.from === this.dismissedAt) {
      if (trigger === null) this.dismissedAt = null;
      this.trigger = null;
      this.set(closed);
      return;
    }
    const commands = filterCommands(trigger.query, this.labelOf());
    const sameQuery = this.snapshot.open && this.snapshot.query === trigger.query;
    this.trigger = trigger;
    this.set({
      open: commands.length > 0,
      query: trigger.query,
      anchor,
      index: sameQuery ? Math.min(this.snapshot.index, Math.max(0, commands.length - 1)) : 0,
      commands,
    });
  }

  move(step: number): void {
    const count = this.snapshot.commands.length;
    if (count === 0) return;
    this.set({ ...this.snapshot, index: (this.snapshot.index + step + count) % count });
  }

  /** Replaces the "/query" with the chosen block. */
  choose(index = this.snapshot.index): void {
    const command = this.snapshot.commands[index];
    const trigger = this.trigger;
    const editor = this.editor;
    if (command === undefined || trigger === null || editor === null) return;
    this.trigger = null;
    this.set(closed);
    command.run(editor.chain().focus().deleteRange({ from: trigger.from, to: trigger.to })).run();
  }

  /** Where the "/" is on screen now (after the page scrolled). */
  currentAnchor(): SlashMenuSnapshot['anchor'] {
    const trigger = this.trigger;
    const view = this.editor?.view;
    if (trigger === null || view === undefined) return this.snapshot.anchor;
    const coords = view.coordsAtPos(trigger.from);
    return { left: coords.left, top: coords.top, bottom: coords.bottom };
  }

  dismiss(): void {
    this.dismissedAt = this.trigger?.from ?? null;
    this.trigger = null;
    this.set(closed);
  }

  private set(next: SlashMenuSnapshot): void {
    if (next === closed && this.snapshot === closed) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

const slashKey = new PluginKey('slashMenu');

/** The plugin side of the "/" menu: finds the trigger, and takes the menu's keys while open. */
export function createSlashMenuExtension(controller: SlashMenuController) {
  return Extension.create({
    name: 'slashMenu',
    addProseMirrorPlugins() {
      return [
        new Plugin({
          key: slashKey,
          view: () => ({
            update: (view) => {
              const trigger = view.editable && view.hasFocus() ? findTrigger(view.state) : null;
              if (trigger === null) {
                controller.update(null, null);
                return;
              }
              const coords = view.coordsAtPos(trigger.from);
              controller.update(trigger, {
                left: coords.left,
                top: coords.top,
                bottom: coords.bottom,
              });
            },
            destroy: () => controller.update(null, null),
          }),
          props: {
            handleKeyDown: (_view, event) => {
              if (!controller.getSnapshot().open) return false;
              switch (event.key) {
                case 'ArrowDown':
                  controller.move(1);
                  return true;
                case 'ArrowUp':
                  controller.move(-1);
                  return true;
                case 'Enter':
                case 'Tab':
                  controller.choose();
                  return true;
                case 'Escape':
                  controller.dismiss();
                  return true;
                default:
                  return false;
              }
            },
            handleDOMEvents: {
              blur: () => {
                controller.update(null, null);
                return false;
              },
            },
          },
        }),
      ];
    },
  });
}
