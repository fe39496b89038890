import type { ReactElement } from 'react';

export type ToolbarIconName =
  | 'bold'
  | 'italic'
  | 'heading2'
  | 'heading3'
  | 'bulletList'
  | 'orderedList'
  | 'decision'
  | 'assignment'
  | 'table';

/** 20×20 line icons for the toolbar; decorative, the button carries the accessible name. */
export function ToolbarIcon({ name }: { name: ToolbarIconName }) {
  return (
    <svg
      className="toolbar__icon"
      viewBox="0 0 20 20"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  );
}

const text = (label: string, style: 'bold' | 'italic' | 'heading') => (
  <text
    x="10"
    y="15"
    textAnchor="middle"
    fontSize={style === 'heading' ? 12 : 15}
    fontWeight={style === 'italic' ? 500 : 700}
    fontStyle={style === 'italic' ? 'italic' : 'normal'}
    fontFamily={style === 'italic' ? 'Georgia, serif' : 'inherit'}
    fill="currentColor"
  >
    {label}
  </text>
);

const listLines = (
  <g stroke="currentColor" strokeWidth="1.7" strokeLinecap="round">
    <path d="M8 5.5h9M8 10h9M8 14.5h9" />
  </g>
);

const paths: Record<ToolbarIconName, ReactElement> = {
  bold: text('B', 'bold'),
  italic: text('I', 'italic'),
  heading2: text('H2', 'heading'),
  heading3: text('H3', 'heading'),
  bulletList: (
    <>
      {listLines}
      <g fill="currentColor">
        <circle cx="4" cy="5.5" r="1.4" />
        <circle cx="4" cy="10" r="1.4" />
        <circle cx="4" cy="14.5" r="1.4" />
      </g>
    </>
  ),
  orderedList: (
    <>
      {listLines}
      <g fill="currentColor" fontSize="5.5" fontWeight="700" textAnchor="middle">
        <text x="4" y="7.4">
          1
        </text>
        <text x="4" y="11.9">
          2
        </text>
        <text x="4" y="16.4">
          3
        </text>
      </g>
    </>
  ),
  // A gavel: the decision (beslut).
  decision: (
    <g
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M4.5 8.5l5-5 3 3-5 5z" />
      <path d="M9 8l6.5 6.5" />
      <path d="M3 17h8" />
    </g>
  ),
  // A checklist line with a person's task: the assignment (uppdrag).
  assignment: (
    <g
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <rect x="3.5" y="3.5" width="13" height="13" rx="2" />
      <path d="M6.5 10.2l2.2 2.2 4.8-4.8" />
    </g>
  ),
  table: (
    <g fill="none" stroke="currentColor" strokeWidth="1.5">
      <rect x="3" y="4" width="14" height="12" rx="1.5" />
      <path d="M3 8h14M3 12h14M8 4v12M12.5 4v12" />
    </g>
  ),
};
