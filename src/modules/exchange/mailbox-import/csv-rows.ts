import { parse } from 'csv-parse';
import { DomainError } from '../../shared/errors/domain.error';

/** The columns a mailbox import understands (the MailboxCreateDto fields). */
export const IMPORT_COLUMNS = [
  'localPart',
  'domain',
  'displayName',
  'givenName',
  'middleName',
  'sn',
  'initials',
  'password',
  'mailingPlan',
  'isAdmin',
] as const;

/**
 * Parses CSV text with a header line into one object per line: empty cells are left out and `isAdmin` becomes a
 * boolean when it says true/false. A malformed file, an unknown column or more than `maxRows` lines (only one
 * more is read) is a 400 naming `csv`.
 */
export async function csvRows(csv: string, maxRows: number): Promise<Record<string, unknown>[]> {
  const records = await new Promise<Record<string, string>[]>((resolve, reject) =>
    parse(
      csv,
      { columns: true, bom: true, trim: true, skip_empty_lines: true, to: maxRows + 1 },
      (error, rows: Record<string, string>[]) => (error ? reject(error) : resolve(rows)),
    ),
  ).catch((error: unknown) => {
    // csv-parse's own messages quote the offending field, which may be a password: only its code and line.
    const { code, lines } = error as { code?: string; lines?: number };
    const message = `is not valid CSV (${code ?? 'unreadable'}${lines ? ` at line ${lines}` : ''})`;
    throw DomainError.validation([{ field: 'csv', rule: 'csv', message }]);
  });
  if (records.length > maxRows) {
    throw DomainError.validation([
      { field: 'csv', rule: 'maxRows', message: `has more than ${maxRows} lines; split it` },
    ]);
  }
  if (records.length === 0) {
    throw DomainError.validation([
      { field: 'csv', rule: 'notEmpty', message: 'has no line after the header' },
    ]);
  }
  const unknown = Object.keys(records[0]).filter((c) => !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) {
    throw DomainError.validation([
      {
        field: 'csv',
        rule: 'columns',
        message: `unknown column(s) ${unknown.join(', ')}; known: ${IMPORT_COLUMNS.join(', ')}`,
      },
    ]);
  }
  return records.map((record) =>
    Object.fromEntries(
      Object.entries(record)
        .filter(([, value]) => value !== '')
        .map(([key, value]) => [
          key,
          key === 'isAdmin' && /^(true|false)$/i.test(value) ? value.toLowerCase() === 'true' : value,
        ]),
    ),
  );
}
