import { type Editor, useEditorState } from '@tiptap/react';
import { type KeyboardEvent, type ReactNode, useRef, useState } from 'react';

type ActionKey = 'bold' | 'italic' | 'link' | 'bulletList' | 'orderedList' | 'heading';

type Action = {
  key: ActionKey;
  name: string;
  glyph: ReactNode;
  /** As shown in the tooltip. */
  shortcut: string;
  /** As aria-keyshortcuts spells it; Meta for the same keys on a Mac. */
  keys: string;
};

const ACTIONS: Action[] = [
  {
    key: 'bold',
    name: 'Vet',
    glyph: <span className="font-bold">B</span>,
    shortcut: 'Ctrl+B',
    keys: 'Control+B Meta+B',
  },
  {
    key: 'italic',
    name: 'Cursief',
    glyph: <span className="font-serif italic">I</span>,
    shortcut: 'Ctrl+I',
    keys: 'Control+I Meta+I',
  },
  {
    key: 'link',
    name: 'Link',
    glyph: <span className="underline underline-offset-2">link</span>,
    shortcut: 'Ctrl+K',
    keys: 'Control+K Meta+K',
  },
  {
    key: 'bulletList',
    name: 'Opsomming',
    glyph: <span className="text-lg leading-none">•</span>,
    shortcut: 'Ctrl+Shift+8',
    keys: 'Control+Shift+8 Meta+Shift+8',
  },
  {
    key: 'orderedList',
    name: 'Genummerde lijst',
    glyph: <span>1.</span>,
    shortcut: 'Ctrl+Shift+7',
    keys: 'Control+Shift+7 Meta+Shift+7',
  },
  {
    key: 'heading',
    name: 'Tussenkop',
    glyph: <span className="font-bold">H</span>,
    shortcut: 'Ctrl+Alt+3',
    keys: 'Control+Alt+3 Meta+Alt+3',
  },
];

const RUN: Record<Exclude<ActionKey, 'link'>, (editor: Editor) => void> = {
  bold: (editor) => editor.chain().toggleBold().run(),
  italic: (editor) => editor.chain().toggleItalic().run(),
  bulletList: (editor) => editor.chain().toggleBulletList().run(),
  orderedList: (editor) => editor.chain().toggleOrderedList().run(),
  heading: (editor) => editor.chain().toggleHeading({ level: 3 }).run(),
};

const BUTTON =
  'inline-flex min-h-8 min-w-8 items-center justify-center rounded px-2 text-sm text-ink hover:bg-brand-50 disabled:cursor-not-allowed disabled:opacity-60 aria-expanded:bg-brand-100 aria-pressed:bg-brand-100 aria-pressed:text-brand-800';

/** The next button for a key, per the WAI-ARIA toolbar pattern (wrapping), or null. */
function nextIndex(key: string, current: number, count: number): number | null {
  if (key === 'ArrowRight') return (current + 1) % count;
  if (key === 'ArrowLeft') return (current - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return null;
}

function useActiveMarks(editor: Editor | null) {
  return useEditorState({
    editor,
    selector: ({ editor: e }): Partial<Record<ActionKey, boolean>> =>
      e
        ? {
            bold: e.isActive('bold'),
            italic: e.isActive('italic'),
            link: e.isActive('link'),
            bulletList: e.isActive('bulletList'),
            orderedList: e.isActive('orderedList'),
            heading: e.isActive('heading', { level: 3 }),
          }
        : {},
  });
}

/**
 * One tab stop; the arrow keys move between the buttons. A toggle keeps keyboard focus so its
 * new aria-pressed state is announced; a mouse click never takes focus from the text, so the
 * selection stays where the editor left it.
 */
export function Toolbar({
  editor,
  editorId,
  label,
  headings,
  linkFormId,
  linkOpen,
  onLink,
}: {
  editor: Editor | null;
  editorId: string;
  label: string;
  headings: boolean;
  linkFormId: string;
  linkOpen: boolean;
  onLink: () => void;
}) {
  const actions = headings ? ACTIONS : ACTIONS.filter((a) => a.key !== 'heading');
  const active = useActiveMarks(editor) ?? {};
  const [current, setCurrent] = useState(0);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const tabStop = Math.min(current, actions.length - 1);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const next = nextIndex(event.key, tabStop, actions.length);
    if (next === null) return;
    event.preventDefault();
    setCurrent(next);
    buttons.current[next]?.focus();
  }

  function activate(action: Action, index: number) {
    setCurrent(index);
    if (!editor) return;
    if (action.key === 'link') onLink();
    else RUN[action.key](editor);
  }

  return (
    <div
      role="toolbar"
      aria-label={`Opmaak van ${label}`}
      aria-controls={editor ? editorId : undefined}
      onKeyDown={onKeyDown}
      className="flex flex-wrap gap-1 border-b border-line p-1"
    >
      {actions.map((action, index) => (
        <button
          key={action.key}
          ref={(node) => {
            buttons.current[index] = node;
          }}
          type="button"
          tabIndex={index === tabStop ? 0 : -1}
          disabled={!editor}
          aria-label={action.name}
          title={`${action.name} (${action.shortcut})`}
          aria-keyshortcuts={action.keys}
          aria-pressed={action.key === 'link' ? undefined : Boolean(active[action.key])}
          aria-expanded={action.key === 'link' ? linkOpen : undefined}
          aria-controls={action.key === 'link' && linkOpen ? linkFormId : undefined}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => activate(action, index)}
          className={BUTTON}
        >
          <span aria-hidden="true">{action.glyph}</span>
        </button>
      ))}
    </div>
  );
}
