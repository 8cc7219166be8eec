import { INVALID_CHARACTERS_CODE } from '@waymark/rubric';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientIp } from './auth-helpers.js';
import { TEST_DB, useTestApp } from './build-test-app.js';
import { createUser, type TestUser } from './factories.js';

/**
 * A walk over every route the app serves, as its OpenAPI document describes them (generated from
 * the zod schemas the routes declare, so a route or field added later is walked too): every string
 * a request body, path or querystring takes — nested, in arrays, nullable, record keys — is sent a
 * NUL and a lone surrogate, and each must answer 400 `validation_failed` with an issue at that
 * field, never reaching the database. (The contract's own walk is packages/rubric/src/api/text.test.ts.)
 */

const ctx = useTestApp({ seed: false });
let user: TestUser;

beforeAll(async () => {
  user = await createUser(ctx);
});

interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  $ref?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}
interface Operation {
  parameters?: { in: string; name: string; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

type Path = (string | number)[];
interface BodyField {
  path: Path;
  kind: 'value' | 'key';
  /** An enum or a constant refuses anything it does not list, without the shared code. */
  listed: boolean;
}

const SAMPLE_KEY = 'sample-key';
const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

function resolve(doc: OpenApi, schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = doc.components?.schemas?.[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(doc, target);
}

const isListed = (schema: JsonSchema) => schema.enum !== undefined || schema.const !== undefined;

const isType = (schema: JsonSchema, type: string) =>
  schema.type === type || (Array.isArray(schema.type) && schema.type.includes(type));

function bodyFields(doc: OpenApi, raw: JsonSchema, path: Path, out: BodyField[]): void {
  const schema = resolve(doc, raw);
  if (isType(schema, 'string')) out.push({ path, kind: 'value', listed: isListed(schema) });
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    bodyFields(doc, child, [...path, key], out);
  }
  if (schema.items) bodyFields(doc, schema.items, [...path, 0], out);
  if (schema.propertyNames) out.push({ path, kind: 'key', listed: false });
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    bodyFields(doc, schema.additionalProperties, [...path, SAMPLE_KEY], out);
  }
  for (const option of [
    ...(schema.anyOf ?? []),
    ...(schema.oneOf ?? []),
    ...(schema.allOf ?? []),
  ]) {
    bodyFields(doc, option, path, out);
  }
}

function placeAt(path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (typeof head === 'number') return [placeAt(rest, value)];
  return { [head as string]: placeAt(rest, value) };
}

/** A value the path parameter accepts, so that validation goes on to the body. */
function samplePathValue(schema: JsonSchema): string {
  if (schema.format === 'uuid') return NO_SUCH_ID;
  if (isType(schema, 'integer') || isType(schema, 'number')) return '1';
  return SAMPLE_KEY;
}

interface Case {
  label: string;
  method: string;
  url: string;
  payload?: unknown;
  /** The issue path expected, e.g. `body.notApplicable.reason`. */
  issuePath: string;
  /** A string field proper (not a key, not a coerced number): the issue names the shared code. */
  expectCode: boolean;
}

async function loadCases(): Promise<Case[]> {
  const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
  const cases: Case[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const params = operation.parameters ?? [];
      const pathParams = params.filter((p) => p.in === 'path');
      const urlWith = (name?: string, value?: string) =>
        template.replace(/\{(\w+)\}/g, (_m, param: string) => {
          if (param === name && value !== undefined) return value;
          const spec = pathParams.find((p) => p.name === param);
          return spec ? samplePathValue(resolve(doc, spec.schema)) : SAMPLE_KEY;
        });
      for (const param of params) {
        if (param.in !== 'path' && param.in !== 'querystring' && param.in !== 'query') continue;
        const where = param.in === 'path' ? 'params' : 'querystring';
        const spec = resolve(doc, param.schema);
        const isString = isType(spec, 'string') && !isListed(spec);
        cases.push({
          label: `${method.toUpperCase()} ${template} ${where}.${param.name}`,
          method,
          url: param.in === 'path' ? urlWith(param.name, '%00') : `${urlWith()}?${param.name}=%00`,
          issuePath: `${where}.${param.name}`,
          expectCode: isString,
        });
      }
      const body = operation.requestBody?.content['application/json']?.schema;
      if (!body) continue;
      const fields: BodyField[] = [];
      bodyFields(doc, body, [], fields);
      for (const field of fields) {
        for (const [name, hostile] of [
          ['NUL', '\u0000'],
          ['lone surrogate', '\ud800'],
        ] as const) {
          const at = field.kind === 'key' ? [...field.path, hostile] : field.path;
          cases.push({
            label: `${method.toUpperCase()} ${template} body.${field.path.join('.')}${field.kind === 'key' ? ' (key)' : ''} ${name}`,
            method,
            url: urlWith(),
            payload:
              field.kind === 'key'
                ? placeAt(field.path, { [hostile]: 1 })
                : placeAt(field.path, `a${hostile}b`),
            issuePath: ['body', ...at].join('.'),
            expectCode: field.kind === 'value' && !field.listed,
          });
        }
      }
    }
  }
  return cases;
}

describe(`every route refuses NUL and lone surrogates in every string it takes (${TEST_DB})`, () => {
  it('walks every route and string field, and each answers 400 at that field', async () => {
    const cases = await loadCases();
    // Not vacuous: the routes of issue 4 take well over this many strings.
    expect(cases.filter((c) => c.issuePath.startsWith('body.')).length).toBeGreaterThanOrEqual(60);
    expect(cases.filter((c) => c.issuePath.startsWith('params.')).length).toBeGreaterThanOrEqual(
      20,
    );
    expect(cases.some((c) => c.issuePath.startsWith('querystring.'))).toBe(true);
    expect(cases.map((c) => c.issuePath)).toEqual(
      expect.arrayContaining([
        'body.notApplicable.reason',
        'body.evidenceLinks.0',
        'body.indicators.\u0000',
        'body.sector',
        'querystring.token',
        'params.assessmentId',
      ]),
    );

    const failures: string[] = [];
    for (const c of cases) {
      const res = await ctx.app.inject({
        method: c.method.toUpperCase() as 'GET',
        url: c.url,
        headers: { ...user.headers, 'x-forwarded-for': clientIp() },
        ...(c.payload === undefined ? {} : { payload: c.payload as Record<string, unknown> }),
      });
      const body = res.json() as { code?: string; issues?: { path: string; code?: string }[] };
      const issues = (body.issues ?? []).filter(
        (i) => i.path === c.issuePath || i.path.startsWith(`${c.issuePath}.`),
      );
      const ok =
        res.statusCode === 400 &&
        body.code === 'validation_failed' &&
        issues.length > 0 &&
        (!c.expectCode || issues.some((i) => i.code === INVALID_CHARACTERS_CODE));
      if (!ok) failures.push(`${c.label}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    }
    expect(failures).toEqual([]);
  });

  it('a lone surrogate cannot arrive through a URL: percent-encoded, it is a 4xx, never a 500', async () => {
    for (const url of [
      '/api/v1/assessments/%ED%A0%80',
      '/api/v1/organisations/%ED%A0%80/members',
      '/api/v1/invitations/preview?token=%ED%A0%80',
    ]) {
      const res = await ctx.app.inject({ method: 'GET', url, headers: user.headers });
      expect(res.statusCode, `${url}: ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(500);
    }
  });
});
