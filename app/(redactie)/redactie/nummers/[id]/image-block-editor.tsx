'use client';

import { ImageChoiceField } from '@/components/image-choice';
import type { ImageBlock } from '@/lib/issue/document';
import type { ImageChoice } from '@/lib/media/library';

const input = 'mt-1 block w-full rounded-md border border-gray-500 px-2 py-1 text-sm';

/** An image block where it stands: the image from the library, a caption and a link. */
export function ImageBlockEditor({
  block,
  images,
  newsletterSlug,
  onChange,
}: {
  block: ImageBlock;
  images: ImageChoice[];
  newsletterSlug: string;
  onChange: (content: ImageBlock['content']) => void;
}) {
  const id = (name: string) => `${block.id}-${name}`;
  const change = (patch: Partial<ImageBlock['content']>) =>
    onChange({ ...block.content, ...patch });
  return (
    <div className="space-y-2">
      <ImageChoiceField
        id={id('image')}
        name="mediaId"
        label="Afbeelding"
        images={images}
        defaultValue={block.content.mediaId}
        hint="Over de volle breedte van de e-mail."
        manageHref={`/redactie/media?nieuwsbrief=${encodeURIComponent(newsletterSlug)}`}
        onChange={(mediaId) => change({ mediaId })}
      />
      <div>
        <label htmlFor={id('caption')} className="block text-xs font-semibold">
          Onderschrift <span className="font-normal text-muted">(optioneel)</span>
        </label>
        <input
          id={id('caption')}
          className={input}
          maxLength={300}
          value={block.content.caption}
          onChange={(e) => change({ caption: e.target.value })}
        />
      </div>
      <div>
        <label htmlFor={id('link')} className="block text-xs font-semibold">
          Link bij klikken <span className="font-normal text-muted">(optioneel)</span>
        </label>
        <input
          id={id('link')}
          className={input}
          inputMode="url"
          value={block.content.link ?? ''}
          onChange={(e) => change({ link: e.target.value || null })}
        />
      </div>
    </div>
  );
}
