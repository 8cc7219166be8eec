import { readFileSync } from 'node:fs';
import type { TLocalAuthority } from '@waymark/rubric';
import { parse } from 'csv-parse/sync';

/**
 * The shipped list of UK local authority districts (ONS codes), read once from
 * apps/api/data/uk-local-authority-districts.csv. Resolved from this module's own location
 * (src/modules/networks in dev, dist/modules/networks when built: both three levels below
 * apps/api), never from the working directory.
 */
export const LOCAL_AUTHORITIES_FILE = new URL(
  '../../../data/uk-local-authority-districts.csv',
  import.meta.url,
);

let cached:
  | { list: readonly TLocalAuthority[]; byCode: ReadonlyMap<string, TLocalAuthority> }
  | undefined;

function load() {
  if (cached) return cached;
  const rows = parse(readFileSync(LOCAL_AUTHORITIES_FILE), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  const list = rows.map((row): TLocalAuthority => {
    const { code, name, nation, region } = row;
    if (!code || !name || !nation || region === undefined) {
      throw new Error(`malformed local authority row: ${JSON.stringify(row)}`);
    }
    return { code, name, nation, region };
  });
  cached = { list, byCode: new Map(list.map((la) => [la.code, la])) };
  return cached;
}

/** Every district, in the file's order (by code). */
export function localAuthorities(): readonly TLocalAuthority[] {
  return load().list;
}

export function findLocalAuthority(code: string): TLocalAuthority | undefined {
  return load().byCode.get(code);
}
