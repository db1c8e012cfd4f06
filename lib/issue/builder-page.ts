import type { Db } from '@/db';
import type { EditorRole } from '@/db/schema';
import { listComments } from './comments';
import { blockLabel } from './describe-changes';
import { allBlocks } from './document';
import { loadBuilder } from './load-builder';
import { changesSinceReview } from './review';
import { itemsChangedSinceFreeze } from './sent-items';
import { decide, type WorkflowStep } from './workflow';

const pageSteps = [
  'requestReview',
  'approve',
  'schedule',
  'startSend',
  'unschedule',
  'sendBack',
] as const;

// The first quarter hour at least an hour from now: a moment the schedule form can offer.
const defaultMoment = (now: Date) =>
  new Date(Math.ceil((now.getTime() + 3_600_000) / 900_000) * 900_000);

/**
 * Everything the issue page shows from lib/issue: the builder's data, the workflow steps this
 * editor may take, what changed since the last review and the comments. Null when there is no
 * such issue. The send's progress and recipients come from lib/send, which the page asks itself.
 */
export function loadBuilderPage(
  database: Db,
  issueId: number,
  actor: { id: string; role: EditorRole },
  now: Date,
) {
  const data = Number.isSafeInteger(issueId) && issueId > 0 ? loadBuilder(database, issueId) : null;
  if (!data) return null;
  const { issue } = data;
  const context = {
    status: issue.status,
    actor,
    fourEyes: issue.fourEyes,
    contentChangedBy: issue.contentChangedBy,
    scheduledAt: new Date(now.getTime() + 3_600_000),
    now,
  };
  // Only for what to show; every action decides again on the server.
  const steps = pageSteps.filter((s: WorkflowStep) => decide(s, context).ok);
  const fourEyes = issue.status === 'review' && decide('approve', context);
  const titles = new Map(data.library.map((i) => [i.id, i.title]));
  const itemTitle = (itemId: number) => titles.get(itemId);
  return {
    data,
    steps,
    fourEyesNote:
      fourEyes && !fourEyes.ok && fourEyes.why === 'four-eyes' ? fourEyes.message : null,
    changes:
      issue.status === 'review'
        ? changesSinceReview(database, issue.id, data.document, itemTitle)
        : undefined,
    // The approved text is what goes out; library edits since then are shown, not sent.
    changedSinceApproval:
      issue.status === 'approved' || issue.status === 'scheduled'
        ? itemsChangedSinceFreeze(database, issue.id)
        : [],
    comments: listComments(database, issue.id),
    commentBlocks: allBlocks(data.document).map((b) => ({
      id: b.id,
      label: blockLabel(b, itemTitle),
    })),
    // Once scheduled, sending or sent, the issue is shown as it went out and not rearranged.
    editable: ['concept', 'review', 'approved'].includes(issue.status),
    scheduledFor:
      issue.status === 'scheduled' && issue.scheduledAt ? new Date(issue.scheduledAt) : null,
    defaultMoment: defaultMoment(now),
  };
}

export type BuilderPageData = NonNullable<ReturnType<typeof loadBuilderPage>>;
