import { CheckboxSetting, Section } from './form-section';

/** The two switches of what Kopij counts of a newsletter's readers: only ever totals. */
export function Counting({ v }: { v: { clickTracking: boolean; openTracking: boolean } }) {
  return (
    <Section id="tellen" title="Tellen">
      <CheckboxSetting
        name="clickTracking"
        label="Klikken tellen"
        defaultChecked={v.clickTracking}
        hint={
          <>
            <p>
              De links in een verzonden nummer gaan via een korte doorverwijzing van Kopij, die per
              link per uur telt hoe vaak erop is geklikt. Wie er klikt, legt Kopij niet vast.
              Klikken van virusscanners tellen apart; de aantallen blijven een schatting.
            </p>
            <p>
              Uit: links gaan rechtstreeks naar hun adres. Geldt voor nummers die hierna worden
              verzonden.
            </p>
          </>
        }
      />
      <CheckboxSetting
        name="openTracking"
        label="Openingen tellen"
        defaultChecked={v.openTracking}
        hint={
          <>
            <p>
              Onder een verzonden nummer staat dan een onzichtbaar plaatje dat per nummer per uur
              telt hoe vaak het is geladen, zonder te weten door wie: alleen een totaal.
            </p>
            <p>
              Onbetrouwbaar: Apple Mail (Privacybescherming) laadt alle plaatjes van elke mail al
              bij ontvangst, en veel mailprogramma&apos;s laden plaatjes pas als de lezer daarom
              vraagt. Uitzetten stopt het tellen meteen, ook voor eerder verzonden nummers.
            </p>
          </>
        }
      />
    </Section>
  );
}
