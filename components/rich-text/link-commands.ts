import type { Editor } from '@tiptap/react';

/** The text a link form works on, kept while focus is in the form and the editor is blurred. */
export type LinkTarget = { from: number; to: number; href: string };

/** The selection, or the whole link the cursor stands in, and that link's address. */
export function linkTarget(editor: Editor): LinkTarget {
  if (editor.state.selection.empty && editor.isActive('link')) {
    editor.chain().extendMarkRange('link').run();
  }
  const { from, to } = editor.state.selection;
  const href: unknown = editor.getAttributes('link').href;
  return { from, to, href: typeof href === 'string' ? href : '' };
}

export function applyLink(editor: Editor, { from, to }: LinkTarget, href: string) {
  if (from === to) {
    // Nothing selected: the address itself becomes the link text.
    const text = href.replace(/^mailto:/i, '');
    editor
      .chain()
      .focus()
      .insertContentAt(from, { type: 'text', text, marks: [{ type: 'link', attrs: { href } }] })
      .setTextSelection(from + text.length)
      // Links are inclusive while autolink is on: without this the next word joins the link.
      .unsetMark('link')
      .run();
    return;
  }
  editor.chain().focus().setTextSelection({ from, to }).setLink({ href }).run();
}

export function removeLink(editor: Editor, { from, to }: LinkTarget) {
  editor.chain().focus().setTextSelection({ from, to }).unsetLink().run();
}
