import { mergeAttributes, Node } from '@tiptap/core';

/**
 * An assignment (uppdrag): a delegated task with its assignee and an optional due date
 * ('YYYY-MM-DD'). Its text is the task. It may stand alone in a body or inside a decision.
 */
export const Assignment = Node.create({
  name: 'assignment',
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return {
      assignee: {
        default: '',
        validate: 'string',
        parseHTML: (element: HTMLElement) => element.getAttribute('data-assignee') ?? '',
        renderHTML: (attributes: Record<string, unknown>) =>
          typeof attributes.assignee === 'string' && attributes.assignee !== ''
            ? { 'data-assignee': attributes.assignee }
            : {},
      },
      dueDate: {
        default: null,
        validate: 'string|null',
        parseHTML: (element: HTMLElement) => element.getAttribute('data-due-date'),
        renderHTML: (attributes: Record<string, unknown>) =>
          typeof attributes.dueDate === 'string' ? { 'data-due-date': attributes.dueDate } : {},
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="assignment"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'assignment' }), 0];
  },
});
