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

/**
 * A route-level serializer compiled once from the route's zod response schema (via its JSON Schema)
 * by fast-json-stringify, instead of encoding every response through zod. For hot read routes whose
 * response is plain data (strings, numbers, booleans, null, arrays and objects; no dates, no
 * transforms): like zod's encoding it writes only the properties the schema names, so a field the
 * service adds by mistake still never reaches the client; unlike it, it does not re-validate the
 * values, which the route's tests do instead.
 */
export const precompiledSerializer = ({ schema }: { schema: unknown }): ((data: unknown) => string) =>
  fastJson(simplifyNullable(z.toJSONSchema(schema as z.ZodType, { target: 'draft-07', io: 'output' })) as Parameters<typeof fastJson>[0]);
