// A small CSV reader and writer for the subscriber import and export. Spreadsheet programs in
// Dutch locales write semicolons, others commas; both arrive with or without a BOM.

/** Splits CSV text into rows of fields (RFC 4180 quoting; LF, CRLF or CR line ends). */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (c === '"' && field === '') {
      // A quoted field: runs until a quote that is not doubled.
      i++;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          field += text.slice(start);
          i = n;
          break;
        }
        if (text[q + 1] === '"') {
          field += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the next delimiter is kept, as spreadsheets do.
      continue;
    }
    if (c === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      // Plain run up to the next special character, copied in one slice.
      let j = i + 1;
      while (j < n) {
        const d = text[j];
        if (d === delimiter || d === '\n' || d === '\r') break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  // Blank lines (a trailing newline, an empty row from a spreadsheet) carry nothing.
  return rows.filter((r) => r.length > 1 || r[0]!.trim() !== '');
}

/** The delimiter of the header line: whichever of ; and , occurs more often outside quotes. */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') semicolons++;
    else if (!quoted && c === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : commas > 0 ? ',' : ';';
}

/**
 * One CSV cell. A cell that starts with = + - @ (or a tab or carriage return) gets a leading
 * quote, so a spreadsheet shows it as text instead of running it as a formula (CSV injection).
 */
export function csvCell(value: string | number | null | undefined): string {
  let text = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";,\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV with semicolons (what Excel expects in a Dutch locale), CRLF, and a BOM so Excel reads UTF-8. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return `\ufeff${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
