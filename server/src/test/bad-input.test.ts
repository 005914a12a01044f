/**
 * Bad input, fuzzed from the OpenAPI document: every route's path parameters, query and JSON body
 * get wrong types, huge strings, deep nesting, unicode (NUL, lone surrogates), negative and NaN
 * numbers and unknown keys, as the city officer and as the city admin. The answer is never a 5xx,
 * an error always has the {error: {code, message, details}} envelope in Chinese with no stack
 * trace or SQL, and a request made certainly invalid is always a 4xx. Fixed seed, bounded runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { multipartFile } from './factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from './harness.js';

interface Schema {
  type?: string | string[];
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
}
interface Operation {
  parameters?: { in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
type Role = 'officer' | 'admin';
interface Input {
  path: Record<string, string>;
  query: Record<string, string | string[]>;
  /** undefined: no body; a string: sent as is (malformed JSON); anything else: JSON. */
  body?: unknown;
}

const SEED = 20261127;
const RUNS = 30;
/** Routes whose every call scans a large table or builds a workbook: fewer runs keep the suite fast. */
const FEWER_RUNS: Record<string, number> = { 'GET /api/audit/verify': 4, 'GET /api/audit/export': 10, 'GET /api/enterprises/export': 10, 'GET /api/vouchers/ledger/check': 6 };

// The app is built while the file is collected, so that each documented route becomes its own test.
const t: TestApp = await createTestApp();
afterAll(async () => {
  await t.close();
});
const paths: Record<string, Record<string, Operation>> = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths;
const sessions = {} as Record<Role, Session>;
const fixture: Record<string, string> = {};

beforeAll(async () => {
  sessions.officer = await loginAs(t.app, 'officer');
  sessions.admin = await loginAs(t.app, 'admin');
  const admin = sessions.admin;
  // Targets for routes that change users, organisations and districts: never the fuzzing accounts themselves.
  const org = (await admin.request('POST', '/api/organizations', { name: '模糊测试机构', kind: 'carrier' })).json();
  const user = (await admin.request('POST', '/api/users', { username: 'fuzz.target', displayName: '模糊测试', organizationId: 1, roles: ['city_officer'], password: 'Fuzz#Target2026' })).json();
  const district = (await admin.request('POST', '/api/districts', { code: '339800', name: '模糊测试区' })).json();
  fixture['/api/users/{id}'] = String(user.id);
  fixture['/api/users/{id}/password'] = String(user.id);
  fixture['/api/organizations/{id}'] = String(org.id);
  fixture['/api/districts/{id}'] = String(district.id);
});

// ---- reading the JSON Schema of the document -------------------------------------------------------

const core = (s: Schema): Schema => s.anyOf?.find((m) => m.type !== 'null') ?? s;
const nullable = (s: Schema) => !!s.anyOf?.some((m) => m.type === 'null') || (Array.isArray(s.type) && s.type.includes('null'));
function typesOf(s: Schema): string[] {
  const c = core(s);
  const list = Array.isArray(c.type) ? c.type : c.type ? [c.type] : c.enum ? [...new Set(c.enum.map((v) => (v === null ? 'null' : typeof v)))] : [];
  return nullable(s) ? [...list, 'null'] : list;
}

const PATTERN_SAMPLES = ['2016-03-15', '330199', 'fuzz.user1', '12345', 'field_a', 'fuzz@example.cn', '13912345678'];
const PLACEHOLDERS: Record<string, string> = { type: 'hnte', effectiveFrom: '2026-01-01', date: '2026-10-01', year: '2026' };

/** A value of the right shape (refinements aside), so mutations elsewhere can reach the service. */
function sample(s: Schema): unknown {
  const c = core(s);
  if (c.const !== undefined) {
    return c.const;
  }
  if (c.enum) {
    return c.enum[0];
  }
  if (c.default !== undefined) {
    return c.default;
  }
  const type = typesOf(c)[0];
  switch (type) {
    case 'string': {
      if (c.format === 'date-time') {
        return '2026-01-01T00:00:00Z';
      }
      if (c.pattern) {
        const re = new RegExp(c.pattern);
        return PATTERN_SAMPLES.find((v) => re.test(v)) ?? 'x';
      }
      return '样例'.padEnd(Math.max(c.minLength ?? 2, 2), '值').slice(0, c.maxLength ?? 100);
    }
    case 'integer':
    case 'number':
      return c.minimum ?? (c.exclusiveMinimum !== undefined ? c.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: c.minItems ?? 0 }, () => sample(c.items ?? {}));
    case 'object':
      return Object.fromEntries((c.required ?? []).map((k) => [k, sample(c.properties?.[k] ?? {})]));
    default:
      return null;
  }
}

// ---- hostile values ----------------------------------------------------------------------------------

const nested = (depth: number, asArray: boolean): unknown => {
  let v: unknown = 'deep';
  for (let i = 0; i < depth; i++) {
    v = asArray ? [v] : { a: v };
  }
  return v;
};
const SPECIAL = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  "' OR 1=1 --",
  '"; drop table users; --',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '%',
  '_',
  '\\',
  '${7*7}',
  '__proto__',
  'NaN',
  '-1',
  '-0',
  '1e308',
  '2147483648',
  '9223372036854775808',
  '2026-02-30',
  '0000-00-00',
  '99999-12-31',
  '+275760-09-13',
  '𠮷𠮷𠮷',
  '\u202e\u200b',
  'true',
  'null',
];
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...SPECIAL),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 200, max: 4000 }).map((n) => '长'.repeat(n)),
);
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  hostileText,
  fc.integer({ min: 50_000, max: 300_000 }).map((n) => 'Ω'.repeat(n)),
  fc.double(),
  fc.constantFrom(-1, 0, -2147483649, 2 ** 53, Number.MAX_VALUE, -Number.MAX_VALUE, 0.1 + 0.2),
  fc.integer({ min: 10, max: 800 }).chain((d) => fc.boolean().map((arr) => nested(d, arr))),
  fc.boolean(),
  fc.constant(null),
  fc.jsonValue({ maxDepth: 3 }),
);
const toText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? 'undefined');

const PATTERNED = ['2026-02-30', '0000-01-01', '9999-12-31', '1900-13-45', '000000', '999999', '0', '99999999999999999999', 'a', 'a_'.repeat(20), 'x@y.zz', '00000000000'];
const FREE_FORM = ['99999-01-01', '0001-01-01', '275760-09-13', '2026-01-01T25:00:00Z', '-1', '1e20', 'abc', '', '\u0000'];

/**
 * Values the schema accepts but the code behind it may not: NUL bytes and lone surrogates in
 * free text, LIKE wildcards, boundary and out-of-int4 numbers, impossible dates that match a pattern.
 */
function nasty(s: Schema, wire: 'json' | 'text'): fc.Arbitrary<unknown> {
  const c = core(s);
  const types = typesOf(s);
  const lift = (v: unknown) => (wire === 'text' ? toText(v) : v);
  if (c.enum) {
    return fc.constantFrom(...c.enum).map(lift);
  }
  if (types.includes('integer') || types.includes('number')) {
    const lo = c.minimum ?? (c.exclusiveMinimum !== undefined ? c.exclusiveMinimum + 1 : -(2 ** 53) + 1);
    const hi = c.maximum ?? 2 ** 53 - 1;
    const edges = [lo, hi, 0, 1, -1, 2147483647, 2147483648, 2 ** 31 * 3, 1e15, 99.999].filter((v) => v >= lo && v <= hi && (types.includes('number') || Number.isInteger(v)));
    return fc.constantFrom(...edges).map(lift);
  }
  if (types.includes('boolean')) {
    return fc.boolean().map(lift);
  }
  if (types.includes('string')) {
    const fits = (v: string) => v.length <= (c.maxLength ?? Infinity) && v.trim().length >= (c.minLength ?? 0) && (!c.pattern || new RegExp(c.pattern).test(v));
    if (c.pattern) {
      const ok = PATTERNED.filter(fits);
      return ok.length ? fc.constantFrom(...ok) : fc.constant(sample(s));
    }
    return fc
      .oneof(
        fc.constantFrom(...SPECIAL),
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.constantFrom(...SPECIAL).map((x) => `公司${x}名称`),
        fc.string({ maxLength: 10 }).map((x) => `${x}\u0000`),
      )
      .filter(fits);
  }
  if (types.includes('array')) {
    return fc.array(c.items ? nasty(c.items, 'json') : hostileJson, { maxLength: 3 }).map(lift);
  }
  if (!types.length) {
    return fc.constantFrom(...FREE_FORM).map(lift);
  }
  return hostileJson;
}
/** Values certainly refused by the schema, or null when nothing certain can be said (an unconstrained string). */
function invalid(s: Schema, wire: 'json' | 'text'): fc.Arbitrary<unknown> | null {
  const c = core(s);
  const types = typesOf(s);
  const options: fc.Arbitrary<unknown>[] = [];
  if (wire === 'json' && types.length) {
    const wrong: unknown[] = [['x'], { x: 1 }, true, 'x', 12.5, null].filter((v) => {
      const kind = v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;
      return !(types.includes(kind) || (kind === 'number' && types.includes('integer') && Number.isInteger(v)));
    });
    if (c.enum && !c.enum.every((e) => typeof e === 'string')) {
      wrong.splice(0, wrong.length, ...wrong.filter((v) => typeof v !== 'boolean'));
    }
    if (wrong.length) {
      options.push(fc.constantFrom(...wrong));
    }
  }
  const numeric = types.includes('integer') || types.includes('number');
  if (numeric) {
    const lift = (n: number) => (wire === 'text' ? String(n) : n);
    if (wire === 'text') {
      options.push(fc.constantFrom('abc', 'NaN', 'Infinity', '0x1g', '1,5'));
    }
    if (types.includes('integer') && !types.includes('number')) {
      options.push(fc.constantFrom(lift(1.5), lift(-0.25)));
    }
    if (c.minimum !== undefined) {
      options.push(fc.integer({ min: 1, max: 1000 }).map((k) => lift(c.minimum! - k)));
    }
    if (c.exclusiveMinimum !== undefined) {
      options.push(fc.integer({ min: 0, max: 1000 }).map((k) => lift(c.exclusiveMinimum! - k)));
    }
    if (c.maximum !== undefined) {
      options.push(fc.constant(wire === 'text' ? `${c.maximum}0` : c.maximum * 10 + 1));
    }
  }
  if (types.includes('string') && !numeric) {
    if (c.enum) {
      options.push(fc.string({ maxLength: 8 }).map((x) => `zz${x}`));
    }
    if (c.maxLength !== undefined) {
      options.push(fc.integer({ min: c.maxLength + 1, max: c.maxLength + 300 }).map((n) => 'x'.repeat(n)));
    }
    if (c.pattern) {
      const re = new RegExp(c.pattern);
      options.push(fc.string({ maxLength: 12 }).map((x) => `!${x}`).filter((x) => !re.test(x)));
    }
    if ((c.minLength ?? 0) > 0) {
      options.push(fc.constant(''));
    }
  }
  if (types.includes('array') && wire === 'json') {
    if ((c.minItems ?? 0) > 0) {
      options.push(fc.constant([]));
    }
    const item = c.items ? invalid(c.items, 'json') : null;
    if (item) {
      options.push(item.map((v) => [v]));
    }
  }
  return options.length ? fc.oneof(...options) : null;
}

// ---- one generated request ---------------------------------------------------------------------------

interface Site {
  describe: string;
  apply: (input: Input, value: unknown) => void;
  arb: fc.Arbitrary<unknown>;
}

function routeModel(path: string, op: Operation) {
  const params = op.parameters ?? [];
  const bodySchema = op.requestBody?.content['application/json']?.schema;
  const baseline = (): Input => ({
    path: Object.fromEntries(params.filter((p) => p.in === 'path').map((p) => [p.name, (p.name === 'id' && fixture[path]) || PLACEHOLDERS[p.name] || '1'])),
    query: path.endsWith('/export') ? { objectType: 'none', q: 'none' } : {},
    body: bodySchema ? sample(bodySchema) : undefined,
  });
  const sites: Site[] = [];
  for (const p of params.filter((x) => x.in !== 'header')) {
    const arb = invalid(p.schema, 'text');
    if (arb) {
      sites.push({ describe: `${p.in} ${p.name}`, arb, apply: (i, v) => (p.in === 'path' ? (i.path[p.name] = toText(v)) : (i.query[p.name] = toText(v))) });
    }
  }
  if (bodySchema) {
    const c = core(bodySchema);
    for (const [k, s] of Object.entries(c.properties ?? {})) {
      const arb = invalid(s, 'json');
      if (arb) {
        sites.push({ describe: `body.${k}`, arb, apply: (i, v) => ((i.body as Record<string, unknown>)[k] = v) });
      }
    }
    for (const k of c.required ?? []) {
      sites.push({ describe: `body.${k} missing`, arb: fc.constant(null), apply: (i) => delete (i.body as Record<string, unknown>)[k] });
    }
    sites.push({
      describe: 'whole body',
      arb: fc.oneof(fc.constantFrom('{"a":', '[1,2', '{"__proto__":{"x":1}}', 'null', '"text"', '42'), fc.integer({ min: 10, max: 3000 }).map((d) => JSON.stringify(nested(d, true)))),
      apply: (i, v) => (i.body = v),
    });
  }
  const queryParams = params.filter((p) => p.in === 'query');
  const bodyProps = bodySchema ? Object.entries(core(bodySchema).properties ?? {}) : [];
  const unknownKey = fc.string({ minLength: 1, maxLength: 10 });
  const noise = fc.oneof(
    ...queryParams.map((p) => ({ weight: 3, arbitrary: fc.record({ where: fc.constant('query' as const), key: fc.constant(p.name), value: fc.oneof(nasty(p.schema, 'text'), hostileText).map(toText) }) })),
    ...bodyProps.map(([k, schema]) => ({ weight: 3, arbitrary: fc.record({ where: fc.constant('body' as const), key: fc.constant(k), value: fc.oneof({ weight: 3, arbitrary: nasty(schema, 'json') }, { weight: 1, arbitrary: hostileJson }) }) })),
    { weight: 1, arbitrary: fc.record({ where: fc.constant('query' as const), key: unknownKey, value: fc.oneof(hostileText, fc.array(hostileText, { minLength: 2, maxLength: 3 })) }) },
    { weight: 1, arbitrary: fc.record({ where: fc.constant('body' as const), key: unknownKey, value: hostileJson }) },
  );
  return { baseline, sites, noise };
}

function url(path: string, input: Input): string {
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(input.path[name] ?? '1'));
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(input.query)) {
    (Array.isArray(v) ? v : [v]).forEach((x) => qs.append(k, x));
  }
  const q = qs.toString();
  return q ? `${filled}?${q}` : filled;
}

async function send(role: Role, method: string, path: string, input: Input): Promise<LightMyRequestResponse> {
  // Logging out ends the session: that route gets a fresh one each time.
  const session = path === '/api/auth/logout' ? await loginAs(t.app, role) : sessions[role];
  const headers: Record<string, string> = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  let payload: string | undefined;
  if (input.body !== undefined && method !== 'GET') {
    headers['content-type'] = 'application/json';
    payload = typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
  }
  return t.app.inject({ method: method as 'GET', url: url(path, input), headers, ...(payload !== undefined ? { payload } : {}) });
}

const LEAKS = [/\bat .*\.(ts|js):\d+/, /node_modules/, /Error:/, /\bselect\b[\s\S]*\bfrom\b/i, /\binsert into\b/i, /Failed query/i, /violates/i, /syntax error/i, /duplicate key/i, /drizzle|postgres|pglite/i];

/** What every answer must satisfy; returns the problem, or null. */
function problem(res: LightMyRequestResponse, mustFail: boolean): string | null {
  if (res.statusCode >= 500) {
    return `5xx: ${res.body.slice(0, 300)}`;
  }
  if (mustFail && (res.statusCode < 400 || res.statusCode >= 500)) {
    return `expected 4xx, got ${res.statusCode}`;
  }
  if (res.statusCode < 400) {
    return null;
  }
  let error: { code?: unknown; message?: unknown } & Record<string, unknown>;
  try {
    error = res.json().error;
  } catch {
    return `not JSON: ${res.body.slice(0, 200)}`;
  }
  if (!error || typeof error.code !== 'string' || typeof error.message !== 'string' || !('details' in error)) {
    return `not the error envelope: ${res.body.slice(0, 200)}`;
  }
  if (!/[\u4e00-\u9fff]/.test(error.message)) {
    return `message not in Chinese: ${error.message}`;
  }
  const leak = LEAKS.find((re) => re.test(res.body));
  return leak ? `leaks ${leak}: ${res.body.slice(0, 300)}` : null;
}

describe('fuzzed input on every documented route', () => {
  const routes = Object.entries(paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(() => !path.endsWith('/import')) // multipart: fuzzed below
      .map(([m, op]) => ({ key: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), path, op })),
  );

  it.each(routes)('when $key gets hostile path, query and body values as officer and admin, then never a 5xx and always the error envelope', async ({ key, method, path, op }) => {
    const model = routeModel(path, op);
    const invalidPick = model.sites.length ? fc.oneof(...model.sites.map((site) => site.arb.map((value) => ({ site, value })))) : fc.constant(null);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Role>('officer', 'admin'),
        model.sites.length ? fc.constantFrom(true, false, false) : fc.constant(false),
        invalidPick,
        fc.array(model.noise, { minLength: 1, maxLength: 4 }),
        async (role, makeInvalid, pick, noise) => {
          const input = model.baseline();
          for (const n of noise) {
            if (n.where === 'query') {
              input.query[n.key] = n.value;
            } else if (input.body && typeof input.body === 'object') {
              (input.body as Record<string, unknown>)[n.key] = n.value;
            }
          }
          const mustFail = makeInvalid && pick !== null;
          if (mustFail) {
            pick.site.apply(input, pick.value);
          }
          const res = await send(role, method, path, input);
          const p = problem(res, mustFail);
          if (p) {
            throw new Error(`${role} ${method} ${url(path, input).slice(0, 200)}${mustFail ? ` (invalid ${pick.site.describe})` : ''}: ${p}`);
          }
        },
      ),
      { seed: SEED, numRuns: FEWER_RUNS[key] ?? RUNS, endOnFailure: true },
    );
  });

  it('when an import gets random bytes, broken multipart framing or the wrong field, then always a 4xx with the envelope', async () => {
    const imports = Object.entries(paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => m === 'post' && path.endsWith('/import')).map(() => path));
    expect(imports.length).toBeGreaterThan(0);
    for (const path of imports) {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom<Role>('officer', 'admin'),
          fc.boolean(),
          fc.uint8Array({ maxLength: 3000 }),
          hostileText,
          fc.constantFrom('whole', 'truncated', 'no-boundary', 'wrong-field'),
          async (role, zipMagic, bytes, filename, framing) => {
            const content = Buffer.concat([zipMagic ? Buffer.from([0x50, 0x4b, 0x03, 0x04]) : Buffer.alloc(0), Buffer.from(bytes)]);
            const { payload, headers } = multipartFile(content, filename.replace(/["\r\n]/g, '_') || 'x.xlsx');
            let body = payload;
            const h = { ...headers };
            if (framing === 'truncated') {
              body = payload.subarray(0, Math.max(10, payload.length - 20));
            } else if (framing === 'no-boundary') {
              h['content-type'] = 'multipart/form-data';
            } else if (framing === 'wrong-field') {
              body = Buffer.from(payload.toString('latin1').replace('name="file"', 'name="other"'), 'latin1');
            }
            const res = await sessions[role].request('POST', path, body, h);
            const p = problem(res, true);
            if (p) {
              throw new Error(`${role} ${path} (${framing}): ${p}`);
            }
          },
        ),
        { seed: SEED, numRuns: RUNS },
      );
    }
  });

  it('when a URL is malformed or oversized, then a 4xx with the envelope', async () => {
    for (const bad of ['/api/enterprises/%E0%A4%A', '/api/users/%', `/api/enterprises/${'9'.repeat(300)}`, '/api/enterprises?limit=%ZZ']) {
      const res = await sessions.officer.request('GET', bad);
      expect(problem(res, true), bad).toBeNull();
    }
  });
});
