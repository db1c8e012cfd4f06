'use client';

import type { IssueDocument } from '@/lib/issue/document';
import type { Operation } from '@/lib/issue/operations';

const input = 'mt-1 block w-full rounded-md border border-gray-500 px-3 py-2';

/** The issue's subject and preheader, edited in place. */
export function HeaderFields({
  doc,
  apply,
}: {
  doc: IssueDocument;
  apply: (op: Operation) => void;
}) {
  return (
    <div className="grid gap-3 rounded-lg border border-line bg-white p-4">
      <div>
        <label htmlFor="subject" className="block text-sm font-semibold">
          Onderwerp
        </label>
        <input
          id="subject"
          className={input}
          value={doc.subject}
          onChange={(e) => apply({ type: 'setHeader', field: 'subject', value: e.target.value })}
        />
      </div>
      <div>
        <label htmlFor="preheader" className="block text-sm font-semibold">
          Preheader{' '}
          <span className="font-normal text-muted">
            (de regel die mailprogramma&apos;s na het onderwerp tonen)
          </span>
        </label>
        <input
          id="preheader"
          className={input}
          value={doc.preheader}
          onChange={(e) => apply({ type: 'setHeader', field: 'preheader', value: e.target.value })}
        />
      </div>
    </div>
  );
}
