'use client';

import { type Editor, EditorContent } from '@tiptap/react';
import { type KeyboardEvent, useMemo, useState } from 'react';
import { formatCount } from '@/lib/format';
import type { RichDoc } from '@/lib/richtext/doc';
import { applyLink, type LinkTarget, linkTarget, removeLink } from './link-commands';
import { LinkForm } from './link-form';
import { countChars, toEditorContent, toInitialDoc } from './rich-doc';
import { Toolbar } from './toolbar';
import { useRichTextEditor } from './use-rich-text-editor';

export type RichTextFieldProps = {
  id: string;
  /** The hidden input's name: the form posts the document as JSON under it. */
  name: string;
  label: string;
  hint?: string;
  /** A stored document, the JSON string a failed post sends back, old plain text, or nothing. */
  defaultValue: unknown;
  /** Subheadings (h3) for item bodies and text blocks; teasers have none. */
  headings: boolean;
  error?: string;
  maxChars?: number;
  /** As in components/field.tsx: without it the label says "(optioneel)". */
  required?: boolean;
  onChange?: (doc: RichDoc) => void;
};

// No @tailwindcss/typography here: just enough to make the structure visible while editing.
const EDITABLE = [
  'min-h-24 px-3 py-2 text-base text-ink focus-visible:outline-none',
  '[&>:first-child]:mt-0 [&>:last-child]:mb-0 [&_p]:my-2',
  '[&_h3]:mt-4 [&_h3]:mb-2 [&_h3]:text-lg [&_h3]:font-bold',
  '[&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6',
  '[&_li]:my-1 [&_li>p]:my-0 [&_li>ol]:my-1 [&_li>ul]:my-1',
  '[&_strong]:font-bold [&_em]:italic [&_a]:text-brand-700 [&_a]:underline',
].join(' ');

// The focus ring goes around the whole box, toolbar included, as on the other inputs.
const FRAME =
  'rounded-md border bg-white has-[.ProseMirror-focused]:outline-3 has-[.ProseMirror-focused]:outline-offset-2 has-[.ProseMirror-focused]:outline-brand-600';

function isLinkShortcut(event: KeyboardEvent) {
  return (event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k';
}

function useEditableAttributes(
  id: string,
  describedBy: string,
  invalid: boolean,
  required = false,
) {
  return useMemo(() => {
    const attributes: Record<string, string> = {
      id,
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-labelledby': `${id}-label`,
      class: EDITABLE,
    };
    if (describedBy) attributes['aria-describedby'] = describedBy;
    if (invalid) attributes['aria-invalid'] = 'true';
    if (required) attributes['aria-required'] = 'true';
    return attributes;
  }, [id, describedBy, invalid, required]);
}

function CharCount({ id, chars, max }: { id: string; chars: number; max: number }) {
  const over = chars - max;
  return (
    <p
      id={`${id}-count`}
      className={over > 0 ? 'text-sm font-semibold text-danger' : 'text-sm text-muted'}
    >
      {formatCount(chars)} van {formatCount(max)} tekens
      {over > 0 ? `: ${formatCount(over)} te veel` : ''}
    </p>
  );
}

/** The bordered box: toolbar, link form and the editable text. */
function EditorBox({
  editor,
  id,
  label,
  headings,
  invalid,
  link,
  setLink,
}: {
  editor: Editor | null;
  id: string;
  label: string;
  headings: boolean;
  invalid: boolean;
  link: LinkTarget | null;
  setLink: (link: LinkTarget | null) => void;
}) {
  function openLinkForm() {
    if (editor && !link) setLink(linkTarget(editor));
  }

  function closeLinkForm(then: (target: LinkTarget) => void) {
    if (link) then(link);
    setLink(null);
  }

  return (
    <div
      className={`${FRAME} ${invalid ? 'border-danger ring-1 ring-danger' : 'border-gray-500'}`}
      onKeyDown={(event) => {
        if (!isLinkShortcut(event)) return;
        // Also keeps the browser from jumping to its search bar.
        event.preventDefault();
        openLinkForm();
      }}
    >
      <Toolbar
        editor={editor}
        editorId={id}
        label={label}
        headings={headings}
        linkFormId={`${id}-link`}
        linkOpen={link !== null}
        onLink={openLinkForm}
      />
      {editor && link ? (
        <LinkForm
          id={`${id}-link`}
          initialHref={link.href}
          hasLink={link.href !== ''}
          onApply={(href) => closeLinkForm((target) => applyLink(editor, target, href))}
          onRemove={() => closeLinkForm((target) => removeLink(editor, target))}
          onCancel={() => closeLinkForm(() => editor.commands.focus())}
        />
      ) : null}
      <EditorContent editor={editor} className="min-h-24" />
    </div>
  );
}

/**
 * Rich text for teasers, item bodies and text blocks, stored as TipTap JSON. The hidden input
 * always holds the current document, so plain form posts and server actions receive it.
 */
export function RichTextField({
  id,
  name,
  label,
  hint,
  defaultValue,
  headings,
  error,
  maxChars,
  required,
  onChange,
}: RichTextFieldProps) {
  // Read once: the editor owns the text from then on, as an uncontrolled input would.
  const [initial] = useState(() => {
    const doc = toInitialDoc(defaultValue, headings);
    return { doc, content: toEditorContent(doc) };
  });
  const [doc, setDoc] = useState(initial.doc);
  const [link, setLink] = useState<LinkTarget | null>(null);
  const chars = countChars(doc);
  const over = maxChars !== undefined && chars > maxChars;
  const describedBy = [
    hint && `${id}-hint`,
    error && `${id}-error`,
    maxChars !== undefined && `${id}-count`,
  ]
    .filter(Boolean)
    .join(' ');
  const editor = useRichTextEditor({
    headings,
    content: initial.content,
    attributes: useEditableAttributes(id, describedBy, Boolean(error) || over, required),
    onDoc: (next, byUser) => {
      setDoc(next);
      if (byUser) onChange?.(next);
    },
    // Back in the text, the link form's positions may no longer hold: close it.
    onFocus: () => setLink(null),
  });

  return (
    <div className="space-y-1">
      {/* No htmlFor: a contenteditable is not labelable. The editor names itself with aria-labelledby. */}
      <label
        id={`${id}-label`}
        className="block text-sm font-semibold"
        onClick={() => editor?.commands.focus()}
      >
        {label}
        {required ? null : <span className="font-normal text-muted"> (optioneel)</span>}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <EditorBox
        editor={editor}
        id={id}
        label={label}
        headings={headings}
        invalid={Boolean(error) || over}
        link={link}
        setLink={setLink}
      />
      {maxChars !== undefined ? <CharCount id={id} chars={chars} max={maxChars} /> : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-semibold text-danger">
          {error}
        </p>
      ) : null}
      <input type="hidden" name={name} value={JSON.stringify(doc)} />
    </div>
  );
}
