/** The theme choice of the sign-up and preferences forms: a fieldset a screen reader names. */
export function ThemeCheckboxes({
  themes,
  checked,
  error,
}: {
  themes: { id: number; name: string }[];
  checked: number[];
  error?: string;
}) {
  return (
    <fieldset
      id="themas"
      className="space-y-2"
      aria-describedby={error ? 'themas-error' : undefined}
    >
      <legend className="text-sm font-semibold">Thema&apos;s die u wilt ontvangen</legend>
      <p className="text-sm text-muted">
        U ontvangt altijd het openingsartikel; van de thema&apos;s alleen wat u aanvinkt.
      </p>
      {themes.map((theme) => (
        <label key={theme.id} className="flex items-center gap-2">
          <input
            type="checkbox"
            name="themas"
            value={theme.id}
            defaultChecked={checked.includes(theme.id)}
            className="h-5 w-5"
          />
          {theme.name}
        </label>
      ))}
      {error ? (
        <p id="themas-error" className="text-sm font-semibold text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
