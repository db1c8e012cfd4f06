import Link from 'next/link';
import { Badge } from '@/components/status-badge';
import type { Media } from '@/db/schema';
import type { PlacedImage } from '@/emails/image';
import { formatBytes, formatDate } from '@/lib/format';
import { isDescribed } from '@/lib/media/library';
import type { ImageUse } from '@/lib/media/usage';
import { DeleteImageButton } from './delete-button';
import { DescribeForm } from './describe-form';

const linkOf = (use: ImageUse) =>
  use.kind === 'logo'
    ? `/redactie/nieuwsbrieven/${use.newsletterId}`
    : use.kind === 'item'
      ? `/redactie/items/${use.itemId}`
      : `/redactie/nummers/${use.issueId}`;

function Uses({ uses }: { uses: ImageUse[] }) {
  if (!uses.length) return <p className="text-sm text-muted">Nog nergens gebruikt.</p>;
  return (
    <div className="text-sm">
      <p className="font-semibold">Gebruikt bij</p>
      <ul className="mt-1 list-disc pl-5">
        {uses.map((use) => (
          <li key={`${use.kind}-${linkOf(use)}`}>
            <Link href={linkOf(use)}>{use.label}</Link>
            {use.kind === 'item' ? ' (item)' : null}
            {use.kind === 'issue' ? (use.sent ? ' (verzonden)' : ' (nog niet verzonden)') : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One image: how it looks, what it is, where it is used, its alt text, and deleting it. */
export function MediaCard({
  image,
  placed,
  uses,
  fresh,
}: {
  image: Media;
  placed: PlacedImage;
  uses: ImageUse[];
  fresh: boolean;
}) {
  const preview = placed.web[0] ?? placed.mail[0];
  const inSentIssue = uses.some((u) => u.kind === 'issue' && u.sent);
  return (
    <li
      id={`afbeelding-${image.id}`}
      className="flex flex-col gap-3 rounded-lg border border-line bg-white p-4"
    >
      {preview ? (
        // eslint-disable-next-line @next/next/no-img-element -- our own renditions, already sized
        <img
          src={preview.src}
          alt={isDescribed(image) ? placed.alt : ''}
          width={preview.width}
          height={Math.round((preview.width * image.height) / image.width)}
          loading="lazy"
          className="aspect-[3/2] w-full rounded-md bg-gray-100 object-contain"
        />
      ) : null}
      <div>
        <h3 className="font-semibold break-all">{image.name}</h3>
        <p className="text-sm text-muted">
          {image.width} × {image.height} px · {formatBytes(image.bytes)} · geüpload op{' '}
          {formatDate(image.createdAt)}
        </p>
        <p className="mt-1">
          {image.decorative ? (
            <Badge>Decoratief</Badge>
          ) : image.alt ? (
            <Badge tone="success">Beschreven</Badge>
          ) : (
            <Badge tone="warning">Alt-tekst ontbreekt</Badge>
          )}
        </p>
      </div>
      <DescribeForm id={image.id} alt={image.alt} decorative={image.decorative} autoFocus={fresh} />
      <Uses uses={uses} />
      {inSentIssue ? (
        <p className="text-sm text-muted">
          Blijft bewaard: deze afbeelding staat in een verzonden nummer.
        </p>
      ) : uses.length ? null : (
        <div>
          <DeleteImageButton id={image.id} name={image.name} />
        </div>
      )}
    </li>
  );
}
