import { mergeAttributes, Node } from '@tiptap/core';

/** Parses a vote count from an HTML attribute: a non-negative integer, or null. */
export function parseCount(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const value = Number(raw);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

function countAttribute(key: string, htmlName: string) {
  return {
    default: null,
    validate: 'number|null',
    parseHTML: (element: HTMLElement) => parseCount(element.getAttribute(htmlName)),
    renderHTML: (attributes: Record<string, unknown>) => {
      const value = attributes[key];
      return typeof value === 'number' ? { [htmlName]: String(value) } : {};
    },
  };
}

/**
 * A formal decision block (beslut): its text, an optional vote result (for / against / abstain)
 * and reservations (reservationer). Content is a star expression so that no concurrent merge can
 * make it schema-invalid (the binding would delete it, TECH-NOTES §2).
 */
export const Decision = Node.create({
  name: 'decision',
  group: 'block',
  content: '(paragraph | bulletList | orderedList | assignment)*',
  defining: true,
  isolating: true,

  addAttributes() {
    return {
      votesFor: countAttribute('votesFor', 'data-votes-for'),
      votesAgainst: countAttribute('votesAgainst', 'data-votes-against'),
      votesAbstain: countAttribute('votesAbstain', 'data-votes-abstain'),
      reservations: {
        default: '',
        validate: 'string',
        parseHTML: (element: HTMLElement) => element.getAttribute('data-reservations') ?? '',
        renderHTML: (attributes: Record<string, unknown>) =>
          typeof attributes.reservations === 'string' && attributes.reservations !== ''
            ? { 'data-reservations': attributes.reservations }
            : {},
      },
    };
  },

  parseHTML() {
    return [{ tag: 'div[data-type="decision"]' }];
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes(HTMLAttributes, { 'data-type': 'decision' }), 0];
  },
});
