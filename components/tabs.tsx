import Link from 'next/link';

export type Tab = { href: string; label: string; current: boolean };

/** Screens of one thing as tabs; the one shown is marked for screen readers too. */
export function Tabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  return (
    <nav aria-label={label} className="mb-6 border-b border-line">
      <ul className="flex flex-wrap gap-1">
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link
              href={tab.href}
              aria-current={tab.current ? 'page' : undefined}
              className={`-mb-px inline-block border-b-2 px-4 py-2 font-semibold no-underline ${
                tab.current
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
