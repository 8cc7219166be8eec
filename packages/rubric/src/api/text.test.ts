import { readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { INVALID_CHARACTERS_CODE, isStorableText, ZText } from './text.js';

/**
 * Walks every request schema of the contract — every export of `src/api/*.ts` named by the request
 * convention (`Z…Params`, `Z…Body`, `Z…Query`, `Z…Request`) — finds every string it takes (nested,
 * in arrays, optional or nullable, record keys and values, the input side of pipes, coerced
 * params and querystrings) and proves that each refuses a NUL and a lone surrogate with an issue at
 * that field's path. A schema or field added later is found without editing this file.
 */

const REQUEST_SCHEMA_NAME = /^Z\w+(Params|Body|Query|Request)$/;
const HOSTILE = ['\u0000', '\ud800', '\udfff'] as const;

type Path = (string | number)[];
interface Field {
  schema: string;
  path: Path;
  /** `key`: the field is the key of a record at `path`; `value`: the value at `path`. */
  kind: 'value' | 'key';
  leaf: z.ZodType;
  /** Coerced primitives (`z.coerce.number()` in params and querystrings) are strings on the wire. */
  coerced: boolean;
}

// zod 4 keeps a schema's definition in `_zod.def`; only the kinds a request can hold are walked.
interface Def {
  type: string;
  coerce?: boolean;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'default',
  'prefault',
  'nonoptional',
  'readonly',
]);
/** Kinds that hold no string (enums and literals refuse anything not listed by construction). */
const NO_STRINGS = new Set(['number', 'int', 'boolean', 'bigint', 'enum', 'literal', 'null']);
/** A key that every record key schema of the contract accepts, to place record values under. */
const SAMPLE_KEY = 'sample-key';

function findFields(schemaName: string, schema: z.ZodType, path: Path, out: Field[]): void {
  const def = defOf(schema);
  if (def.type === 'string') {
    out.push({ schema: schemaName, path, kind: 'value', leaf: schema, coerced: false });
  } else if (def.coerce) {
    out.push({ schema: schemaName, path, kind: 'value', leaf: schema, coerced: true });
  } else if (def.type === 'object' && def.shape) {
    for (const [key, child] of Object.entries(def.shape)) {
      findFields(schemaName, child, [...path, key], out);
    }
  } else if (WRAPPERS.has(def.type) && def.innerType) {
    findFields(schemaName, def.innerType, path, out);
  } else if (def.type === 'array' && def.element) {
    findFields(schemaName, def.element, [...path, 0], out);
  } else if (def.type === 'record' && def.keyType && def.valueType) {
    out.push({ schema: schemaName, path, kind: 'key', leaf: def.keyType, coerced: false });
    findFields(schemaName, def.valueType, [...path, SAMPLE_KEY], out);
  } else if (def.type === 'pipe' && def.in) {
    findFields(schemaName, def.in, path, out);
  } else if (def.type === 'union' && def.options) {
    for (const option of def.options) findFields(schemaName, option, path, out);
  } else if (def.type === 'intersection' && def.left && def.right) {
    findFields(schemaName, def.left, path, out);
    findFields(schemaName, def.right, path, out);
  } else if (def.type === 'lazy' && def.getter) {
    findFields(schemaName, def.getter(), path, out);
  } else if (!NO_STRINGS.has(def.type)) {
    // A kind this walk does not know could hide a string: fail loudly rather than skip it.
    throw new Error(`${schemaName} at ${path.join('.')}: unknown schema kind ${def.type}`);
  }
}

/** `{}` with `value` placed at `path` (numbers make arrays). */
function placeAt(path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') return [placeAt(rest, value)];
  return { [head as string]: placeAt(rest, value) };
}

const startsWith = (path: PropertyKey[], prefix: Path) =>
  prefix.every((part, i) => path[i] === part);

/** Values of the shapes the contract takes; the first one a field accepts is its benign sample. */
const SAMPLES = [
  'Leeds Teaching Hospitals',
  'sample-key',
  '3f1c2b9e-8d4a-4c6b-9e2f-1a2b3c4d5e6f',
  'someone@example.org',
  'https://example.org/evidence/1',
  '2030-01-31',
  'Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4fGh7jKl0nOp',
  '12',
];

async function requestSchemas(): Promise<Map<string, z.ZodType>> {
  const here = dirname(fileURLToPath(import.meta.url));
  const modules = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  const found = new Map<string, z.ZodType>();
  for (const file of modules) {
    const exports = (await import(`./${file.slice(0, -3)}.js`)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (REQUEST_SCHEMA_NAME.test(name) && value && typeof value === 'object' && '_zod' in value) {
        found.set(name, value as z.ZodType);
      }
    }
  }
  return found;
}

const schemas = await requestSchemas();
const fields: Field[] = [];
for (const [name, schema] of schemas) findFields(name, schema, [], fields);

describe('isStorableText', () => {
  it('refuses NUL and unpaired surrogates, keeps paired ones and ordinary text', () => {
    for (const bad of [
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x\ud800y',
      '\udc00',
      'a\udfffb',
      '\udc00\ud800',
    ]) {
      expect(isStorableText(bad), JSON.stringify(bad)).toBe(false);
    }
    for (const good of ['', 'Leeds', 'café – “quoted”', '😀', 'a\ud83d\ude00b', '\u0001\ufffd']) {
      expect(isStorableText(good), JSON.stringify(good)).toBe(true);
    }
  });

  it('ZText answers the stable code', () => {
    const result = ZText.safeParse('a\u0000');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ params: { code: INVALID_CHARACTERS_CODE } });
  });
});

describe('every string a request schema takes refuses NUL and lone surrogates', () => {
  it('finds the request schemas and their string fields (not vacuously)', () => {
    expect(schemas.size).toBeGreaterThanOrEqual(25);
    expect(fields.length).toBeGreaterThanOrEqual(50);
    // Spot checks that the walk reaches nested, array, optional and record-key fields.
    const names = fields.map((f) => `${f.schema}:${f.kind}:${f.path.join('.')}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'ZCreateOrganisationBody:value:name',
        'ZUpdateOrganisationBody:value:sector',
        'ZSaveAnswerBody:value:notApplicable.reason',
        'ZSaveAnswerBody:value:evidenceLinks.0',
        'ZSaveAnswerBody:key:indicators',
        'ZRegisterRequest:value:email',
        'ZResultsQuery:value:revision',
      ]),
    );
  });

  it.each(fields.map((f) => [`${f.schema} ${f.kind} ${f.path.join('.') || '(root)'}`, f] as const))(
    '%s',
    (_label, field) => {
      const benign = SAMPLES.find((s) => field.leaf.safeParse(s).success);
      const values = HOSTILE.flatMap((h) =>
        benign ? [h, `${benign.slice(0, 1)}${h}${benign.slice(1)}`, `${benign}${h}`] : [h],
      );
      for (const value of values) {
        const input =
          field.kind === 'key' ? placeAt(field.path, { [value]: 1 }) : placeAt(field.path, value);
        const schema = schemas.get(field.schema) as z.ZodType;
        const result = schema.safeParse(input);
        expect(result.success, `${JSON.stringify(value)} accepted`).toBe(false);
        const at = field.kind === 'key' ? [...field.path, value] : field.path;
        const issues = (result.error?.issues ?? []).filter((i) => startsWith(i.path, at));
        expect(
          issues.length,
          `no issue at ${at.join('.')} for ${JSON.stringify(value)}`,
        ).toBeGreaterThan(0);
        if (!field.coerced) {
          // The refusal comes from the shared check, not by chance from a format or a length.
          const nested = issues.flatMap((i) => [
            i,
            ...('issues' in i ? (i.issues as z.core.$ZodIssue[]) : []),
          ]);
          expect(
            nested.some((i) => i.code === 'custom' && i.params?.code === INVALID_CHARACTERS_CODE),
            `${field.schema}.${field.path.join('.')} does not use ZText or storable()`,
          ).toBe(true);
        }
      }
    },
  );
});
