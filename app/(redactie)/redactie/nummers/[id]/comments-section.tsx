import { formatDateTime } from '@/lib/format';
import type { BuilderPageData } from '@/lib/issue/builder-page';
import { CommentForm } from './comment-form';

/** The editors' remarks on the issue, oldest first, and the form to add one. */
export function CommentsSection({
  issueId,
  comments,
  blocks,
}: {
  issueId: number;
  comments: BuilderPageData['comments'];
  blocks: BuilderPageData['commentBlocks'];
}) {
  return (
    <section
      aria-labelledby="comments-title"
      className="mt-6 rounded-md border border-line bg-white p-4"
    >
      <h2 id="comments-title" className="text-lg font-semibold">
        Opmerkingen
      </h2>
      {comments.length ? (
        <ol className="mt-2 space-y-3">
          {comments.map((c) => (
            <li key={c.id} className="border-l-4 border-brand-600 pl-3">
              <p className="text-sm text-muted">
                {c.authorLabel}, {formatDateTime(c.createdAt)}
                {c.blockLabel ? ` · over ${c.blockLabel}` : ' · over het hele nummer'}
              </p>
              <p className="whitespace-pre-line">{c.body}</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="mt-1 text-muted">Nog geen opmerkingen.</p>
      )}
      <CommentForm issueId={issueId} blocks={blocks} />
    </section>
  );
}
