/** What the numbers are, on the page and on the printed report: counts, never a person. */
export function PrivacyNote() {
  return (
    <p className="mb-6 max-w-3xl rounded-md border border-line bg-white px-4 py-3 text-sm">
      Alle cijfers zijn opgetelde aantallen: niemands leesgedrag wordt vastgelegd. Kopij telt
      klikken per link per uur en archiefweergaven per dag, zonder bij te houden wie klikte of las.
    </p>
  );
}
