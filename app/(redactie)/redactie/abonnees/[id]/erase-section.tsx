import { EraseForm } from './erase-form';

export function EraseSection({ id }: { id: number }) {
  return (
    <section
      aria-labelledby="wissen"
      className="mt-6 rounded-lg border border-red-300 bg-white p-6"
    >
      <h2 id="wissen" className="text-lg font-bold">
        Abonnee wissen
      </h2>
      <p className="mt-1 mb-4 text-sm text-muted">
        Op verzoek van de abonnee (AVG art. 17): adres, naam en gemeente worden verwijderd en alle
        inschrijvingen beëindigd. Aantallen en de geschiedenis zonder persoonsgegevens blijven
        bewaard. Het adres komt alleen als onleesbare vingerafdruk op de onderdrukkingslijst, zodat
        het nooit meer e-mail krijgt, ook niet na een nieuwe import.
      </p>
      <EraseForm id={id} />
    </section>
  );
}
