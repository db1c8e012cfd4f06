import type { RichDoc } from '@/lib/richtext/doc';
import { RichText } from '@/lib/richtext/render';

const styles = {
  mode: 'web',
  className: {
    p: 'mt-2',
    a: 'font-semibold text-brand-700 underline',
    h3: 'mt-4 text-lg font-semibold',
    ul: 'mt-2 list-disc space-y-1 pl-6',
    ol: 'mt-2 list-decimal space-y-1 pl-6',
  },
} as const;

/** Rich text on a page (the archive, previews in the editor): the same tree the mail renders. */
export function RichContent({ doc }: { doc: RichDoc }) {
  return <RichText doc={doc} styles={styles} />;
}
