/** A few numbers first, before the charts: what a board reads of a page or a printed report. */
export function KeyFigures({ figures }: { figures: { label: string; value: string }[] }) {
  return (
    <section aria-labelledby="kerncijfers" className="mb-10 break-inside-avoid">
      <h2 id="kerncijfers" className="text-xl font-bold">
        Kerncijfers
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
        {figures.map((f) => (
          <div key={f.label} className="rounded-md border border-line bg-white px-4 py-3">
            <dt className="text-sm text-muted">{f.label}</dt>
            <dd className="text-2xl font-bold tabular-nums">{f.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
