import Link from 'next/link';

/**
 * A sent issue's two screens as tabs: the issue as it went out, and what it reached. The one
 * shown is marked for screen readers too (the same look as the newsletter's tabs).
 */
export function IssueTabs({
  issueId,
  current,
}: {
  issueId: number;
  current: 'nummer' | 'resultaten';
}) {
  const base = `/redactie/nummers/${issueId}`;
  const tabs = [
    { key: 'nummer', href: base, label: 'Nummer' },
    { key: 'resultaten', href: `${base}/resultaten`, label: 'Resultaten' },
  ] as const;
  return (
    <nav aria-label="Onderdelen van het nummer" className="mb-6 border-b border-line">
      <ul className="flex flex-wrap gap-1">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.key === current ? 'page' : undefined}
              className={`-mb-px inline-block border-b-2 px-4 py-2 font-semibold no-underline ${
                tab.key === current
                  ? 'border-brand-700 text-brand-700'
                  : 'border-transparent text-ink hover:border-line'
              }`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
