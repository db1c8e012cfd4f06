/** The options of a theme filter: "all themes" first, then the themes in editorial order. */
export function ThemeOptions({ themes }: { themes: { id: number; name: string }[] }) {
  return (
    <>
      <option value="">Alle thema&apos;s</option>
      {themes.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </>
  );
}
