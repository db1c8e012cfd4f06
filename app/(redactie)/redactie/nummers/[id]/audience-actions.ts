'use server';

import { editorAction } from '@/lib/actions';
import { actorOf } from '@/lib/audit';
import { audienceInput, setIssueAudience } from '@/lib/issue/audience';

/**
 * "Ontvangers": every subscriber or only the chosen audience groups. Any editor who may edit the
 * issue may choose; in review or after approval the choice returns the issue to concept
 * (lib/issue/audience.ts), so a chief editor approves who gets it as well as what.
 */
export const saveAudience = editorAction({
  name: 'ontvangers van een nummer kiezen',
  role: 'redacteur',
  schema: audienceInput,
  // The issue's own page (any id), the overview and the dashboard show its status.
  revalidate: ['/redactie/nummers/[id]', '/redactie/nummers', '/redactie'],
  mutate(input, { editor, tx }) {
    return setIssueAudience(tx, {
      issueId: input.issueId,
      audiences: input.audiences,
      editor: actorOf(editor),
    });
  },
});
