import fastJson from 'fast-json-stringify';
import { z } from 'zod';

/**
 * A route-level serializer compiled once from the route's zod response schema (via its JSON Schema)
 * by fast-json-stringify, instead of encoding every response through zod. For hot read routes whose
 * response is plain data (strings, numbers, booleans, null, arrays and objects; no dates, no
 * transforms): like zod's encoding it writes only the properties the schema names, so a field the
 * service adds by mistake still never reaches the client; unlike it, it does not re-validate the
 * values, which the route's tests do instead.
 */
export const precompiledSerializer = ({ schema }: { schema: unknown }): ((data: unknown) => string) =>
  fastJson(z.toJSONSchema(schema as z.ZodType, { target: 'draft-07', io: 'output' }) as Parameters<typeof fastJson>[0]);
