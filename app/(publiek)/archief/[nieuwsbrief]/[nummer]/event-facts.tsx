import type { EmailItem } from '@/emails/blocks';

/** When and where an event is, as the issue page and the item's own page show it. */
export function EventFacts({
  event,
  className,
}: {
  event: NonNullable<EmailItem['event']>;
  className?: string;
}) {
  return (
    <dl className={className}>
      <dt className="inline font-semibold">Wanneer: </dt>
      <dd className="inline">{event.when}</dd>
      {event.where ? (
        <div>
          <dt className="inline font-semibold">Waar: </dt>
          <dd className="inline">{event.where}</dd>
        </div>
      ) : null}
    </dl>
  );
}
