/**
 * RFC 4180 CSV, just what the file export needs: fields quoted when they hold a comma, a quote,
 * a line break or leading/trailing space; quotes doubled; CRLF between records.
 */
export function csvRecord(fields: string[]): string {
  return fields.map(csvField).join(',');
}

export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A cell a spreadsheet will show as text: one starting with = + - @ (a formula to Excel, Sheets
 * and LibreOffice, which could run or exfiltrate on opening), a tab or a CR gets a leading `'`,
 * the spreadsheets' own "this is text" mark. Idempotent, so rows read back can pass through again.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvText(records: string[][]): string {
  return records.map(csvRecord).join('\r\n') + '\r\n';
}

/** The records of a CSV text; throws on a quote left open. Accepts LF as well as CRLF. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = () => (record.push(field), (field = ''));
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' || c === '\n') {
      endField();
      records.push(record);
      record = [];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    } else field += c;
    i++;
  }
  if (quoted) throw new Error('a quoted field is never closed');
  if (field !== '' || record.length > 0) {
    endField();
    records.push(record);
  }
  return records;
}
