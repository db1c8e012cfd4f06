import { formatDateTime } from '@/lib/format';
import type { SendBackNote } from '@/lib/issue/review';

/** Why the issue came back to concept, in the reviewer's words, until it is offered again. */
export function SendBackNotice({ note }: { note: SendBackNote }) {
  return (
    <section
      aria-labelledby="teruggestuurd"
      className="mb-4 rounded-md border-l-4 border-warning bg-warning-50 p-4"
    >
      <h2 id="teruggestuurd" className="font-bold">
        Teruggestuurd door {note.by} op {formatDateTime(note.at)}
      </h2>
      <blockquote className="mt-1 whitespace-pre-line">{note.note}</blockquote>
    </section>
  );
}
