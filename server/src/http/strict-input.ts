import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Strict request input, for every route at once (the route schemas stay as they are):
 * - a body with a key its schema does not know is a 400 naming the key (not silently dropped);
 * - a number in the path or the query is written in plain decimal: `0x10`, `1e3`, ` 7`, `Infinity`
 *   are refused (Number() would have taken them);
 * - text in a body holds no invisible formatting characters (zero-width, bidirectional overrides),
 *   which make one name look like another or reverse what is shown.
 */

// U+200B–U+200F zero-width and direction marks, U+202A–U+202E embeddings/overrides, U+2060–U+2064
// word joiner and invisible operators, U+2066–U+2069 isolates, U+061C Arabic letter mark, U+FEFF BOM.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\u061C\uFEFF]/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

type AnySchema = z.ZodType;

function def(schema: AnySchema): Record<string, unknown> & { type: string } {
  return (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;
}

function clone(schema: AnySchema, changes: Record<string, unknown>): AnySchema {
  return z.core.clone(schema as unknown as z.core.$ZodType, { ...def(schema), ...changes } as never) as unknown as AnySchema;
}

/** The schema with every object that strips unknown keys made strict (objects that pass them through stay so). */
export function strictDeep(schema: AnySchema): AnySchema {
  const d = def(schema);
  switch (d.type) {
    case 'object': {
      const shape = d.shape as Record<string, AnySchema>;
      const strictShape = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, strictDeep(v)]));
      return clone(schema, { shape: strictShape, ...(d.catchall === undefined ? { catchall: z.never() } : {}) });
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
      return clone(schema, { innerType: strictDeep(d.innerType as AnySchema) });
    case 'array':
      return clone(schema, { element: strictDeep(d.element as AnySchema) });
    case 'pipe':
      return clone(schema, { in: strictDeep(d.in as AnySchema) });
    default:
      return schema;
  }
}

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (let i = 0; i < 8; i++) {
    const d = def(s);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'prefault') {
      s = d.innerType as AnySchema;
    } else if (d.type === 'pipe') {
      s = d.in as AnySchema;
    } else {
      return s;
    }
  }
  return s;
}

/** Keys of a path/query object schema whose value is a number (coerced from the string). */
function numericKeys(schema: AnySchema): string[] {
  const d = def(unwrap(schema));
  if (d.type !== 'object') {
    return [];
  }
  return Object.entries(d.shape as Record<string, AnySchema>)
    .filter(([, v]) => ['number', 'int', 'bigint'].includes(def(unwrap(v)).type))
    .map(([k]) => k);
}

/** Paths of strings holding invisible characters, found without recursion (a body may nest thousands deep). */
function invisibleIn(root: unknown): (string | number)[][] {
  const found: (string | number)[][] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  let visited = 0;
  while (stack.length && found.length < 20 && visited++ < 100_000) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (INVISIBLE.test(value)) {
        found.push(path);
      }
    } else if (value && typeof value === 'object' && path.length < 32) {
      for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
        stack.push({ value: v, path: [...path, k] });
      }
    }
  }
  return found;
}

export const strictValidatorCompiler: FastifySchemaCompiler<AnySchema> = (route) => {
  const { schema, httpPart } = route;
  let checked: AnySchema = schema;
  if (httpPart === 'body') {
    checked = z.preprocess((raw, ctx) => {
      for (const path of invisibleIn(raw)) {
        ctx.issues.push({ code: 'custom', message: '不能包含零宽或文字方向控制等不可见字符', path, input: raw });
      }
      return raw;
    }, strictDeep(schema)) as unknown as AnySchema;
  } else if (httpPart === 'params' || httpPart === 'querystring') {
    const keys = numericKeys(schema);
    if (keys.length) {
      checked = z.preprocess((raw, ctx) => {
        const obj = (raw ?? {}) as Record<string, unknown>;
        for (const k of keys) {
          const v = obj[k];
          if (typeof v === 'string' && !DECIMAL.test(v)) {
            ctx.issues.push({ code: 'custom', message: '应为十进制数字', path: [k], input: v });
          }
        }
        return raw;
      }, schema) as unknown as AnySchema;
    }
  }
  return validatorCompiler({ ...route, schema: checked });
};
