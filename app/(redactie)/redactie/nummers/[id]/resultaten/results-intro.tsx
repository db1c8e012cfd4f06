import type { IssueResults } from '@/lib/stats/issue-results';

/** What the numbers are and are not, before any of them: counts, never a person. */
export function ResultsIntro({ results }: { results: IssueResults }) {
  const { issue, links, opens } = results;
  return (
    <div className="mb-8 max-w-3xl space-y-3 rounded-md border border-line bg-white px-4 py-3 text-sm">
      <p>
        Alle cijfers zijn opgetelde aantallen. Kopij legt niet vast wie een link aanklikte, wie de
        mail opende of wie wat las: per link wordt alleen geteld hoe vaak er per uur op is geklikt.
      </p>
      <p>
        Klikaantallen zijn <strong>schattingen</strong>. Beveiligingsscanners van mailservers openen
        alle links van een mail zodra die binnenkomt; die klikken zijn eruit gefilterd en staan
        apart als &lsquo;automatisch&rsquo;. Wie een link kopieert of doorstuurt, telt niet of
        dubbel, en wie twee keer klikt, telt twee keer.
      </p>
      {links.length === 0 ? (
        <p>
          Voor dit nummer zijn geen klikken geteld: klikken tellen stond uit voor de nieuwsbrief, of
          het nummer ging uit voordat Kopij klikken telde.
        </p>
      ) : null}
      {opens === null ? (
        <p>
          Openingen worden voor deze nieuwsbrief niet geteld: daarvoor is een telpixel nodig, en die
          is onbetrouwbaar.
        </p>
      ) : null}
      {issue.status === 'sending' ? (
        <p role="status">
          De verzending loopt nog: de cijfers groeien mee. Vernieuw de pagina voor de laatste stand.
        </p>
      ) : null}
    </div>
  );
}
