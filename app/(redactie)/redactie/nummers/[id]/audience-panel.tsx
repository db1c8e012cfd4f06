import { audienceChoices, audienceSummary } from '@/lib/issue/audience';
import type { BuilderData } from '@/lib/issue/load-builder';
import { AudienceForm } from './audience-form';

/** The issue page's "Ontvangers": chosen while the issue may be edited, shown once it is fixed. */
export function AudiencePanel({
  issue,
  editable,
}: {
  issue: Pick<BuilderData['issue'], 'id' | 'status' | 'audiences'>;
  editable: boolean;
}) {
  return (
    <AudienceForm
      issueId={issue.id}
      audiences={issue.audiences}
      summary={audienceSummary(issue.audiences)}
      choices={audienceChoices}
      editable={editable}
      resetsApproval={issue.status === 'review' || issue.status === 'approved'}
    />
  );
}
