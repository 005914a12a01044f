import fastJson from 'fast-json-stringify';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/**
 * `anyOf: [{ type: 'string', enum: […] }, { type: 'null' }]` (zod's nullable enum) as
 * `type: ['string', 'null']`: the same output, but fast-json-stringify picks a type by `typeof`
 * instead of running an ajv validation of each value to choose the `anyOf` branch. The enum only
 * restricts values, which a serializer does not check.
 */
function simplifyNullable(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(simplifyNullable);
  }
  if (schema === null || typeof schema !== 'object') {
    return schema;
  }
  const node = Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, simplifyNullable(v)])) as JsonSchema;
  const branches = node.anyOf;
  if (Array.isArray(branches) && branches.length === 2) {
    const isNull = (b: JsonSchema) => b.type === 'null' && Object.keys(b).length === 1;
    const [a, b] = branches as JsonSchema[];
    const other = isNull(a) ? b : isNull(b) ? a : null;
    if (other && typeof other.type === 'string' && Object.keys(other).every((k) => k === 'type' || k === 'enum')) {
      const { anyOf, ...rest } = node;
      void anyOf;
      return { ...rest, type: [other.type, 'null'] };
    }
  }
  return node;
}

const PRIMITIVE_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);
/** Keywords a picker may ignore: they restrict or describe values, which a serializer does not check. */
const IGNORED = new Set(['$schema', 'type', 'enum', 'const', 'description', 'title', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'multipleOf', 'default', 'examples', 'minItems', 'maxItems', 'readOnly', 'writeOnly', 'deprecated']);

class Unsupported extends Error {}

/** A value the schema declares as a primitive but that is an object: never written (it could carry anything). */
function notPrimitive(): never {
  throw new TypeError('response value is not of its declared type');
}

/** Adds a named function (parameters and body given) to the generated source; its name. */
function define(fns: string[], rest: string): string {
  const name = `f${fns.length}`;
  fns.push(`function ${name}${rest}`);
  return name;
}

/**
 * Name of a function `(v) => picked v`: a copy of the value that holds only what the schema names
 * (object properties it declares, array items, primitives as they are; null where the schema allows
 * it). Throws Unsupported for a schema it does not handle (the caller then uses fast-json-stringify).
 */
function pickerSource(schema: unknown, fns: string[]): string {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) {
    throw new Unsupported();
  }
  const node = schema as JsonSchema;
  const keys = Object.keys(node);
  const anyOf = node.anyOf;
  if (Array.isArray(anyOf)) {
    // a nullable X: null stays null, anything else is picked as X
    const rest = keys.filter((k) => k !== 'anyOf' && !IGNORED.has(k));
    const nulls = (anyOf as JsonSchema[]).filter((b) => b.type === 'null' && Object.keys(b).length === 1);
    const others = (anyOf as JsonSchema[]).filter((b) => !nulls.includes(b));
    if (rest.length || node.type !== undefined || nulls.length !== 1 || others.length !== 1) {
      throw new Unsupported();
    }
    const inner = pickerSource(others[0], fns);
    return define(fns, `(v) { return v === null ? null : ${inner}(v); }`);
  }
  const types = Array.isArray(node.type) ? (node.type as unknown[]) : [node.type];
  if (types.length && types.every((t) => typeof t === 'string' && PRIMITIVE_TYPES.has(t))) {
    if (keys.some((k) => !IGNORED.has(k))) {
      throw new Unsupported();
    }
    return 'prim';
  }
  if (types.length === 1 && types[0] === 'array') {
    if (keys.some((k) => k !== 'items' && !IGNORED.has(k)) || Array.isArray(node.items) || node.items === undefined) {
      throw new Unsupported();
    }
    const item = pickerSource(node.items, fns);
    return define(fns, `(v) { if (!Array.isArray(v)) { bad(); } const out = []; for (let i = 0; i < v.length; i++) { out.push(${item}(v[i])); } return out; }`);
  }
  if (types.length === 1 && types[0] === 'object') {
    if (
      keys.some((k) => k !== 'properties' && k !== 'required' && k !== 'additionalProperties' && !IGNORED.has(k)) ||
      (node.additionalProperties !== undefined && node.additionalProperties !== false) ||
      node.properties === null ||
      typeof node.properties !== 'object'
    ) {
      throw new Unsupported();
    }
    const required = new Set(Array.isArray(node.required) ? (node.required as string[]) : []);
    const props = Object.entries(node.properties as Record<string, unknown>).map(([key, sub]) => {
      const pick = pickerSource(sub, fns);
      const k = JSON.stringify(key);
      return `${k}: ${required.has(key) ? 'req' : 'opt'}(v[${k}], ${pick})`;
    });
    return define(fns, `(v) { if (v === null || typeof v !== 'object' || Array.isArray(v)) { bad(); } return { ${props.join(', ')} }; }`);
  }
  throw new Unsupported();
}

type Picker = (v: unknown) => unknown;

function prim(v: unknown): unknown {
  if (typeof v === 'object' && v !== null) {
    notPrimitive();
  }
  return v;
}

/** A missing required value: fast-json-stringify refuses it too. */
function req(v: unknown, pick: Picker): unknown {
  if (v === undefined) {
    throw new TypeError('response lacks a required value');
  }
  return pick(v);
}

/** An absent optional value stays absent (JSON.stringify leaves out undefined properties). */
function opt(v: unknown, pick: Picker): unknown {
  return v === undefined ? undefined : pick(v);
}

/** The picker of a JSON schema, or null when it uses what pickerSource does not handle. */
export function compilePicker(schema: unknown): Picker | null {
  const fns: string[] = [];
  let root: string;
  try {
    root = pickerSource(schema, fns);
  } catch (err) {
    if (err instanceof Unsupported) {
      return null;
    }
    throw err;
  }
  // generated from the route's own schema at start (property names JSON-quoted), as fast-json-stringify does
  const make = new Function('prim', 'req', 'opt', 'bad', `${fns.join('\n')}\nreturn ${root};`) as (...a: unknown[]) => Picker;
  return make(prim, req, opt, notPrimitive);
}

/**
 * A route-level serializer compiled once from the route's zod response schema (via its JSON Schema),
 * instead of encoding every response through zod. For hot read routes whose response is plain data
 * (strings, numbers, booleans, null, arrays and objects; no dates, no transforms): like zod's
 * encoding it writes only the properties the schema names, so a field the service adds by mistake
 * still never reaches the client (an object where the schema says a primitive is refused, not
 * written); unlike it, it does not re-validate the values, which the route's tests do instead.
 *
 * The response is first copied down to what the schema names, by a function generated from the
 * schema, and then written by `JSON.stringify`: V8's native writer is about twice as fast as
 * fast-json-stringify on these pages (Chinese names go through its per-character escape loop). A
 * schema outside that plain subset is written by fast-json-stringify.
 */
export const precompiledSerializer = ({ schema }: { schema: unknown }): ((data: unknown) => string) => {
  const json = z.toJSONSchema(schema as z.ZodType, { target: 'draft-07', io: 'output' });
  const pick = compilePicker(json);
  if (pick) {
    return (data) => JSON.stringify(pick(data));
  }
  return fastJson(simplifyNullable(json) as Parameters<typeof fastJson>[0]);
};
