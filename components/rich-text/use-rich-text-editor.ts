import { useEditor } from '@tiptap/react';
import { useMemo } from 'react';
import { cleanPastedHtml } from './clean-paste';
import { richTextExtensions } from './extensions';
import type { RichDoc } from '@/lib/richtext/doc';
import { toRichDoc } from './rich-doc';

/**
 * The TipTap editor behind a RichTextField. Extensions and editor props are memoised: TipTap
 * compares them by identity on every render and reconfigures the view when they differ, which
 * is how a new aria-invalid or aria-describedby reaches the editable element.
 */
export function useRichTextEditor({
  headings,
  content,
  attributes,
  onDoc,
  onFocus,
}: {
  headings: boolean;
  content: RichDoc;
  attributes: Record<string, string>;
  onDoc: (doc: RichDoc, byUser: boolean) => void;
  onFocus: () => void;
}) {
  const extensions = useMemo(() => richTextExtensions(headings), [headings]);
  const editorProps = useMemo(
    () => ({ attributes, transformPastedHTML: cleanPastedHtml }),
    [attributes],
  );
  return useEditor({
    extensions,
    content,
    // Rendered on the server without an editor; created after hydration, so the markup agrees.
    immediatelyRender: false,
    editorProps,
    onCreate: ({ editor }) => onDoc(toRichDoc(editor.getJSON(), { headings }), false),
    onUpdate: ({ editor }) => onDoc(toRichDoc(editor.getJSON(), { headings }), true),
    onFocus,
  });
}
