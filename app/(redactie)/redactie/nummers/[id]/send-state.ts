import type { Db } from '@/db';
import { getConfig } from '@/lib/config';
import { deliverySetup } from '@/lib/email/delivery-checks';
import { sentItemsOf } from '@/lib/issue/sent-items';
import { audienceGroupsLabel } from '@/lib/issue/audience';
import type { BuilderData } from '@/lib/issue/load-builder';
import type { WorkflowStep } from '@/lib/issue/workflow';
import { recipientCount, sendBlockers } from '@/lib/send/plan';
import { failedDeliveries, sendProgress } from '@/lib/send/progress';

// The issue page's send side lives beside the page rather than in lib/issue: lib/issue comes
// before lib/send and lib/archive in the data flow and does not reach forward into them.

/**
 * What the send confirmation names (how many readers, in which audience groups), what in the
 * delivery setup stops an approved issue from going out (the configuration can change after
 * approval), a running send's progress and its first failures.
 */
export function sendState(database: Db, data: BuilderData, steps: WorkflowStep[], now: Date) {
  const { issue } = data;
  const progress =
    issue.status === 'sending' || issue.status === 'sent'
      ? sendProgress(database, issue.id, now)
      : null;
  return {
    summary: {
      title: issue.title,
      subject: data.document.subject,
      recipients: steps.includes('startSend') ? recipientCount(database, issue.id, now) : 0,
      audience: audienceGroupsLabel(issue.audiences),
      blockers:
        issue.status === 'approved' || issue.status === 'scheduled'
          ? sendBlockers(database, issue.id, deliverySetup(getConfig()))
          : [],
    },
    progress: progress && progress.total > 0 ? progress : null,
    failures:
      progress && progress.total > 0 && progress.failed ? failedDeliveries(database, issue.id) : [],
  };
}

// Once scheduled, the issue is shown with its items as approved (and, once sent, as corrected),
// not as they may have been edited in the library since: that is what goes or went out.
export function withSentCopies(database: Db, data: BuilderData): BuilderData {
  if (!['scheduled', 'sending', 'sent'].includes(data.issue.status)) return data;
  const library = new Map(data.library.map((i) => [i.id, i]));
  for (const copy of sentItemsOf(database, data.issue.id).values())
    library.set(copy.itemId, { ...copy, id: copy.itemId });
  return { ...data, library: [...library.values()] };
}
