import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { StatusBadge } from '@/components/status-badge';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { formatDateTime } from '@/lib/format';
import { toDutchLocal } from '@/lib/format-input';
import { loadBuilder, type BuilderData } from '@/lib/issue/load-builder';
import { sentItemsOf } from '@/lib/archive/sent-items';
import { changesSinceReview } from '@/lib/issue/review';
import { listComments } from '@/lib/issue/comments';
import { blockLabel } from '@/lib/issue/describe-changes';
import { allBlocks } from '@/lib/issue/document';
import { decide, type WorkflowStep } from '@/lib/issue/workflow';
import { recipientCount } from '@/lib/send/plan';
import { failedDeliveries, sendProgress } from '@/lib/send/progress';
import { hasRole } from '@/lib/auth/roles';
import { SendProgressPanel } from './send-progress';
import { Builder } from './builder';
import { IssueReadOnly } from './issue-readonly';
import { CommentForm } from './comment-form';
import { WorkflowPanel } from './workflow-panel';

export const metadata: Metadata = { title: 'Nummer samenstellen' };

// Once a send has started, the issue is shown with its items as sent (and corrected), not as
// they may have been edited in the library since.
function withSentCopies(data: BuilderData): BuilderData {
  if (data.issue.status !== 'sending' && data.issue.status !== 'sent') return data;
  const library = new Map(data.library.map((i) => [i.id, i]));
  for (const copy of sentItemsOf(db(), data.issue.id).values())
    library.set(copy.itemId, { ...copy, id: copy.itemId });
  return { ...data, library: [...library.values()] };
}

export default async function BuilderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const editor = await requireEditor('redacteur', `/redactie/nummers/${id}`);
  const issueId = Number(id);
  const data = Number.isSafeInteger(issueId) && issueId > 0 ? loadBuilder(db(), issueId) : null;
  if (!data) notFound();
  const { issue } = data;
  const now = new Date();
  const context = {
    status: issue.status,
    actor: editor,
    fourEyes: issue.fourEyes,
    contentChangedBy: issue.contentChangedBy,
    scheduledAt: new Date(now.getTime() + 3_600_000),
    now,
  };
  // Only for what to show; every action decides again on the server.
  const steps = (
    ['requestReview', 'approve', 'schedule', 'startSend', 'unschedule', 'sendBack'] as const
  ).filter((s: WorkflowStep) => decide(s, context).ok);
  const fourEyes = issue.status === 'review' && decide('approve', context);
  const fourEyesNote =
    fourEyes && !fourEyes.ok && fourEyes.why === 'four-eyes' ? fourEyes.message : null;
  const titles = new Map(data.library.map((i) => [i.id, i.title]));
  const changes =
    issue.status === 'review'
      ? changesSinceReview(db(), issue.id, data.document, (itemId) => titles.get(itemId))
      : undefined;
  const comments = listComments(db(), issue.id);
  const send = {
    title: `${issue.newsletterName} ${issue.number}`,
    subject: data.document.subject,
    recipients: steps.includes('startSend') ? recipientCount(db(), issue.newsletterId, now) : 0,
  };
  const progress =
    issue.status === 'sending' || issue.status === 'sent'
      ? sendProgress(db(), issue.id, now)
      : null;
  const commentBlocks = allBlocks(data.document).map((b) => ({
    id: b.id,
    label: blockLabel(b, (itemId) => titles.get(itemId)),
  }));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/redactie/nummers">Alle nummers</Link>
      </p>
      <PageHeader
        title={`${data.issue.newsletterName} ${data.issue.number}`}
        description={<StatusBadge status={data.issue.status} />}
      />
      <WorkflowPanel
        issueId={issue.id}
        version={issue.version}
        steps={steps}
        fourEyesNote={fourEyesNote}
        scheduledFor={
          issue.status === 'scheduled' && issue.scheduledAt
            ? formatDateTime(new Date(issue.scheduledAt))
            : null
        }
        defaultMoment={toDutchLocal(
          new Date(Math.ceil((now.getTime() + 3_600_000) / 900_000) * 900_000),
        )}
        send={send}
      />
      {progress && progress.total > 0 ? (
        <SendProgressPanel
          issueId={issue.id}
          status={issue.status as 'sending' | 'sent'}
          progress={progress}
          sentAt={issue.sentAt ? new Date(issue.sentAt) : null}
          canControl={hasRole(editor.role, 'hoofdredacteur')}
          failures={progress.failed ? failedDeliveries(db(), issue.id) : []}
        />
      ) : null}
      {issue.status === 'sent' ? (
        <section
          aria-labelledby="web-version"
          className="mb-6 rounded-md border border-line bg-white p-4"
        >
          <h2 id="web-version" className="text-lg font-semibold">
            Webversie
          </h2>
          <p className="mt-1">
            <a href={`/archief/${issue.newsletterSlug}/${issue.slug}`}>Bekijk in het archief</a> ·{' '}
            <Link href={`/redactie/nummers/${issue.id}/correctie`}>Webversie corrigeren</Link>
          </p>
          {issue.correctedAt ? (
            <p className="mt-1 text-sm text-muted">
              Gecorrigeerd op {formatDateTime(new Date(issue.correctedAt))}: {issue.correctionNote}
            </p>
          ) : null}
        </section>
      ) : null}
      {changes !== undefined ? (
        <section
          aria-labelledby="review-changes"
          className="mb-6 rounded-md border border-line bg-white p-4"
        >
          <h2 id="review-changes" className="text-lg font-semibold">
            Wijzigingen sinds de vorige review
          </h2>
          {changes === null ? (
            <p className="mt-1 text-muted">
              Dit is de eerste review van dit nummer: alles is nieuw.
            </p>
          ) : changes.length ? (
            <ul className="mt-2 list-disc pl-5">
              {changes.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-muted">Niets gewijzigd sinds de vorige review.</p>
          )}
        </section>
      ) : null}
      {['concept', 'review', 'approved'].includes(data.issue.status) ? (
        <Builder data={data} />
      ) : (
        <IssueReadOnly data={withSentCopies(data)} />
      )}
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
        <CommentForm issueId={issue.id} blocks={commentBlocks} />
      </section>
    </>
  );
}
