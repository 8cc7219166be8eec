import {
  isStorableText,
  NETWORK_INVITATION_IMPORT_MAX_ROWS,
  type TNetworkInvitationImportRefusal,
  type TOrganisationType,
  type TSizeBand,
} from '@waymark/rubric';
import { CsvError, parse } from 'csv-parse/sync';
import { z } from 'zod';
import { UnprocessableError } from '../../errors.js';

/**
 * Reading a coordinator's CSV of organisations to invite (issue 9): a pure function from the
 * file's text to rows that are either good (ready to become invitations) or refused with a reason.
 * A file that cannot be read as a whole throws a 422 with a `csv_*` code, so that nothing is
 * created from it. Checks that need the database (a pending invitation) are the service's.
 */

/** The columns we read; any other column of the file is ignored. */
type Column = 'organisationName' | 'email' | 'organisationType' | 'sizeBand';

/** Lower-case, words separated by one space: "Organisation_Name " → "organisation name". */
function normalise(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-/&.,:()]+/g, ' ')
    .trim();
}

/** Friendly header names, as spreadsheets spell them (after `normalise`). */
const HEADERS: Record<string, Column> = {
  'organisation name': 'organisationName',
  'organization name': 'organisationName',
  organisation: 'organisationName',
  organization: 'organisationName',
  'org name': 'organisationName',
  name: 'organisationName',
  'contact email': 'email',
  'contact email address': 'email',
  'email address': 'email',
  email: 'email',
  'e mail': 'email',
  type: 'organisationType',
  'organisation type': 'organisationType',
  'organization type': 'organisationType',
  sector: 'organisationType',
  size: 'sizeBand',
  'size band': 'sizeBand',
  'organisation size': 'sizeBand',
  'organization size': 'sizeBand',
};

/** Organisation types as people write them (after `normalise`). */
const TYPES: Record<string, TOrganisationType> = {
  business: 'business',
  'private sector': 'business',
  private: 'business',
  company: 'business',
  'public sector': 'public_sector',
  public: 'public_sector',
  'public body': 'public_sector',
  'public sector body': 'public_sector',
  voluntary: 'voluntary_community',
  'voluntary community': 'voluntary_community',
  'voluntary and community': 'voluntary_community',
  'voluntary and community sector': 'voluntary_community',
  'voluntary sector': 'voluntary_community',
  community: 'voluntary_community',
  charity: 'voluntary_community',
  vcse: 'voluntary_community',
  'third sector': 'voluntary_community',
};

/** "Small", "small (10–49 staff)", "SMALL" → `small`. */
const SIZE = /^(micro|small|medium|large)\b/;

export const MAX_NAME_LENGTH = 200;
const ZEmail = z.email().max(254);

export interface ImportedRow {
  /** The line of the file the row starts on, as a spreadsheet numbers it (the header is 1). */
  row: number;
  organisationName: string;
  /** Trimmed and lower-cased. */
  email: string;
}

export interface GoodRow extends ImportedRow {
  outcome: 'accepted';
  organisationType: TOrganisationType | null;
  sizeBand: TSizeBand | null;
}

export interface RefusedRow extends ImportedRow {
  outcome: 'refused';
  reason: TNetworkInvitationImportRefusal;
  detail: string;
}

export type ParsedRow = GoodRow | RefusedRow;

function malformed(code: string, detail: string): UnprocessableError {
  return new UnprocessableError(code, detail);
}

/** Maps the header cells to the columns we read; throws when a required one is missing. */
function readHeader(cells: string[]): Map<Column, number> {
  const found = new Map<Column, number>();
  cells.forEach((cell, index) => {
    const column = HEADERS[normalise(cell)];
    if (!column) return;
    if (found.has(column)) {
      throw malformed(
        'csv_duplicate_column',
        `The header row names the column "${cell.trim()}" twice (or two names for the same column).`,
      );
    }
    found.set(column, index);
  });
  const missing = [
    found.has('organisationName') ? null : '"Organisation name"',
    found.has('email') ? null : '"Contact email"',
  ].filter((name): name is string => name !== null);
  if (missing.length > 0) {
    throw malformed(
      'csv_missing_column',
      `The header row must name the columns ${missing.join(' and ')} (optionally also "Type" and "Size").`,
    );
  }
  return found;
}

function refuse(
  base: ImportedRow,
  reason: TNetworkInvitationImportRefusal,
  detail: string,
): RefusedRow {
  return { ...base, outcome: 'refused', reason, detail };
}

/** Checks one data row on its own (not against the rest of the file or the database). */
function readRow(line: number, cells: string[], columns: Map<Column, number>): ParsedRow {
  const cell = (column: Column) => {
    const index = columns.get(column);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const organisationName = cell('organisationName');
  const rawEmail = cell('email');
  const email = rawEmail.toLowerCase();
  const base: ImportedRow = { row: line, organisationName, email };
  if (!cells.every(isStorableText)) {
    return refuse(
      { ...base, organisationName: '', email: '' },
      'invalid_characters',
      'The row contains characters that cannot be stored (such as NUL).',
    );
  }
  if (organisationName === '')
    return refuse(base, 'missing_name', 'The organisation name is empty.');
  if (organisationName.length > MAX_NAME_LENGTH) {
    return refuse(
      base,
      'name_too_long',
      `The organisation name is longer than ${MAX_NAME_LENGTH} characters.`,
    );
  }
  if (rawEmail === '') return refuse(base, 'missing_email', 'The contact email is empty.');
  if (!ZEmail.safeParse(email).success) {
    return refuse(base, 'invalid_email', `"${rawEmail}" is not an email address.`);
  }
  const rawType = cell('organisationType');
  const organisationType = rawType === '' ? null : (TYPES[normalise(rawType)] ?? undefined);
  if (organisationType === undefined) {
    return refuse(
      base,
      'unknown_type',
      `"${rawType}" is not a type we know: use business, public sector or voluntary and community.`,
    );
  }
  const rawSize = cell('sizeBand');
  const sizeMatch = rawSize === '' ? null : SIZE.exec(normalise(rawSize));
  if (rawSize !== '' && !sizeMatch) {
    return refuse(
      base,
      'unknown_size',
      `"${rawSize}" is not a size we know: use micro, small, medium or large.`,
    );
  }
  return {
    ...base,
    outcome: 'accepted',
    organisationType,
    sizeBand: (sizeMatch?.[1] as TSizeBand | undefined) ?? null,
  };
}

/**
 * Decodes the uploaded bytes as UTF-8 (a BOM is allowed), refusing anything else: a file saved in
 * another encoding would otherwise turn its accented names into U+FFFD silently.
 */
export function decodeCsv(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw malformed(
      'csv_not_utf8',
      'The file is not UTF-8 text: save it from your spreadsheet as "CSV UTF-8" and upload it again.',
    );
  }
}

/**
 * The rows of an import file, each good or refused on its own and against earlier rows (the same
 * email twice). Throws a 422 `csv_*` error for a file that cannot be imported at all.
 */
export function parseInvitationCsv(text: string): ParsedRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    if (err instanceof CsvError) {
      throw malformed('csv_unreadable', `The file could not be read as CSV: ${err.message}.`);
    }
    throw err;
  }
  const [header, ...data] = records;
  if (!header) throw malformed('csv_empty', 'The file is empty.');
  const columns = readHeader(header.record);
  if (data.length === 0) {
    throw malformed('csv_no_rows', 'The file has a header row but no organisations below it.');
  }
  if (data.length > NETWORK_INVITATION_IMPORT_MAX_ROWS) {
    throw malformed(
      'csv_too_many_rows',
      `The file has ${data.length} rows; import at most ${NETWORK_INVITATION_IMPORT_MAX_ROWS} at a time.`,
    );
  }
  const seen = new Map<string, number>();
  return data.map(({ record, info }) => {
    const row = readRow(info.lines, record, columns);
    if (row.outcome === 'refused') return row;
    const earlier = seen.get(row.email);
    if (earlier !== undefined) {
      return refuse(
        { row: row.row, organisationName: row.organisationName, email: row.email },
        'duplicate_in_file',
        `${row.email} is already on row ${earlier}.`,
      );
    }
    seen.set(row.email, row.row);
    return row;
  });
}
