/** For the reviewer: what changed since the last review, or that this is the first one. */
export function ReviewChanges({ changes }: { changes: string[] | null }) {
  return (
    <section
      aria-labelledby="review-changes"
      className="mb-6 rounded-md border border-line bg-white p-4"
    >
      <h2 id="review-changes" className="text-lg font-semibold">
        Wijzigingen sinds de vorige review
      </h2>
      {changes === null ? (
        <p className="mt-1 text-muted">Dit is de eerste review van dit nummer: alles is nieuw.</p>
      ) : changes.length ? (
        <ul className="mt-2 list-disc pl-5">
          {changes.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-muted">Niets gewijzigd sinds de vorige review.</p>
      )}
    </section>
  );
}
