import { sendBackNotes } from '@/lib/issue/review';
import { LiveUpdates } from '@/components/live-updates';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { StatusBadge } from '@/components/status-badge';
import { db } from '@/db';
import { requireEditor } from '@/lib/auth/guard';
import { hasRole } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format';
import { toDutchLocal } from '@/lib/format-input';
import { loadBuilderPage } from '@/lib/issue/builder-page';
import { canDeleteIssue } from '@/lib/issue/delete';
import { liveState, viewerOf } from '@/lib/issue/live';
import { ApprovedTextNotice } from './approved-text-notice';
import { AudiencePanel } from './audience-panel';
import { Builder } from './builder';
import { CommentsSection } from './comments-section';
import { DeleteIssue } from './delete-issue';
import { IssueReadOnly } from './issue-readonly';
import { IssueTabs } from './issue-tabs';
import { ReviewChanges } from './review-changes';
import { SendProgressPanel } from './send-progress';
import { sendState, withSentCopies } from './send-state';
import { WebVersion } from './web-version';
import { SendBackNotice } from './send-back-notice';
import { WorkflowPanel } from './workflow-panel';

export const metadata: Metadata = { title: 'Nummer samenstellen' };

export default async function BuilderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const editor = await requireEditor('redacteur', `/redactie/nummers/${id}`);
  const now = new Date();
  const page = loadBuilderPage(db(), Number(id), editor, now);
  if (!page) notFound();
  const { data } = page;
  const { issue } = data;
  const send = sendState(db(), data, page.steps, now);
  const sentBack =
    issue.status === 'concept' ? sendBackNotes(db(), [issue.id]).get(issue.id) : undefined;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/redactie/nummers">Alle nummers</Link>
      </p>
      <PageHeader title={issue.title} description={<StatusBadge status={issue.status} />} />
      {issue.status === 'sending' || issue.status === 'sent' ? (
        <IssueTabs issueId={issue.id} current="nummer" />
      ) : null}
      <LiveUpdates
        key={issue.id}
        issueId={issue.id}
        initial={liveState(db(), viewerOf(editor), issue.id)}
        editing={page.editable}
      />
      {sentBack ? <SendBackNotice note={sentBack} /> : null}
      <WorkflowPanel
        issueId={issue.id}
        version={issue.version}
        steps={page.steps}
        fourEyesNote={page.fourEyesNote}
        scheduledFor={page.scheduledFor ? formatDateTime(page.scheduledFor) : null}
        defaultMoment={toDutchLocal(page.defaultMoment)}
        send={send.summary}
      />
      <AudiencePanel issue={issue} editable={page.editable} />
      {send.progress ? (
        <SendProgressPanel
          issueId={issue.id}
          status={issue.status as 'sending' | 'sent'}
          progress={send.progress}
          sentAt={issue.sentAt ? new Date(issue.sentAt) : null}
          canControl={hasRole(editor.role, 'hoofdredacteur')}
          failures={send.failures}
        />
      ) : null}
      {issue.status === 'sent' ? <WebVersion issue={issue} /> : null}
      {page.changes !== undefined ? <ReviewChanges changes={page.changes} /> : null}
      <ApprovedTextNotice status={issue.status} items={page.changedSinceApproval} />
      {page.editable ? (
        <Builder data={data} />
      ) : (
        <IssueReadOnly data={withSentCopies(db(), data)} />
      )}
      <CommentsSection issueId={issue.id} comments={page.comments} blocks={page.commentBlocks} />
      {canDeleteIssue(db(), issue.id, editor) ? (
        <DeleteIssue issueId={issue.id} name={issue.title} />
      ) : null}
    </>
  );
}
