import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDateTime } from '@/lib/format';
import type { whatNeedsMe } from '@/lib/issue/dashboard';
import { failureHeadline } from '@/lib/send/summary';
import { issueHeading, issueTitle } from '@/lib/newsletters/title';

type Mine = ReturnType<typeof whatNeedsMe>;

function Panel({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-line bg-white p-4">
      <h2 id={id} className="text-lg font-bold">
        {title}
      </h2>
      <div className="mt-2">{children}</div>
    </section>
  );
}

type Titled = { newsletterName: string; titlePattern: string; number: number };
const titleOf = (i: Titled) =>
  issueTitle({ name: i.newsletterName, titlePattern: i.titlePattern }, i.number);

const issueLink = (i: Titled & { id: number; subject: string }) => (
  <Link href={`/redactie/nummers/${i.id}`}>
    {i.subject.trim() ? issueHeading(titleOf(i), i.subject) : `${titleOf(i)}: zonder onderwerp`}
  </Link>
);

/** Reviews are listed to a hoofdredacteur only: a redacteur cannot approve. */
export function WaitingPanel({ mine, showReviews }: { mine: Mine; showReviews: boolean }) {
  return (
    <Panel id="voor-mij" title="Wat op u wacht">
      <ul className="space-y-2">
        {showReviews
          ? mine.reviews.map((i) => (
              <li key={`r${i.id}`}>
                <strong>Review:</strong> {issueLink(i)}
              </li>
            ))
          : null}
        {mine.drafts.map((i) => (
          <li key={`d${i.id}`}>
            <strong>{i.sentBack ? 'Teruggestuurd:' : 'Uw concept:'}</strong> {issueLink(i)}
            {i.sentBack ? (
              <span className="block text-sm">
                {i.sentBack.by}: “{i.sentBack.note}”
              </span>
            ) : null}
          </li>
        ))}
        {mine.paused.map((i) => (
          <li key={`p${i.id}`}>
            <strong>Verzending gepauzeerd:</strong> {issueLink(i)}. {i.reason}
          </li>
        ))}
        {mine.failed.map((f) => (
          <li key={`f${f.issueId}`}>
            <strong>Niet bezorgd:</strong>{' '}
            <Link
              href={`/redactie/nummers/${f.issueId}`}
            >{`${f.n} adressen bij ${titleOf(f)}`}</Link>
          </li>
        ))}
      </ul>
      {mine.reviews.length + mine.drafts.length + mine.failed.length + mine.paused.length === 0 ? (
        <p className="text-muted">
          Niets: er wacht geen review, concept of mislukte bezorging op u.
        </p>
      ) : null}
    </Panel>
  );
}

export function NextSendPanel({ issue }: { issue: Mine['nextScheduled'] }) {
  return (
    <Panel id="planning" title="Volgende verzending">
      {issue ? (
        <p>
          {issueLink(issue)} wordt verzonden op {formatDateTime(issue.scheduledAt!)}.
        </p>
      ) : (
        <p className="text-muted">Er is geen nummer ingepland.</p>
      )}
    </Panel>
  );
}

/** How the last send's copies fared, by status; skipped copies are not counted in `summary`. */
function DeliveryLine({ summary }: { summary: Record<string, number> }) {
  const total = Object.values(summary).reduce((a, b) => a + b, 0);
  const underway = (summary.queued ?? 0) + (summary.retry ?? 0) + (summary.sending ?? 0);
  if (!total)
    return (
      <p className="mt-1 text-sm text-muted">Van dit nummer zijn geen bezorgingen geregistreerd.</p>
    );
  const headline = failureHeadline({ sent: summary.sent ?? 0, failed: summary.failed ?? 0, total });
  return (
    <p className="mt-1 text-sm">
      {headline ? <strong className="block">{headline}.</strong> : null}
      {summary.sent ?? 0} van {total} bezorgd
      {summary.failed ? `, ${summary.failed} mislukt` : ''}
      {underway ? `, ${underway} onderweg` : ''}.
    </p>
  );
}

export function LastSentPanel({
  issue,
  summary,
}: {
  issue: Mine['lastSent'];
  summary: Mine['deliverySummary'];
}) {
  return (
    <Panel id="laatst" title="Laatst verzonden">
      {issue ? (
        <>
          <p>
            {issueLink(issue)}, verzonden op {formatDateTime(issue.sentAt!)}.
          </p>
          <DeliveryLine summary={summary as Record<string, number>} />
        </>
      ) : (
        <p className="text-muted">Nog niets verzonden.</p>
      )}
    </Panel>
  );
}
