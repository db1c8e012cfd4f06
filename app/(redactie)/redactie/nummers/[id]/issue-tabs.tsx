import { Tabs } from '@/components/tabs';

/** A sent issue's two screens as tabs: the issue as it went out, and what it reached. */
export function IssueTabs({
  issueId,
  current,
}: {
  issueId: number;
  current: 'nummer' | 'resultaten';
}) {
  const base = `/redactie/nummers/${issueId}`;
  return (
    <Tabs
      label="Onderdelen van het nummer"
      tabs={[
        { href: base, label: 'Nummer', current: current === 'nummer' },
        { href: `${base}/resultaten`, label: 'Resultaten', current: current === 'resultaten' },
      ]}
    />
  );
}
