import { z } from 'zod';
import { limitSchema } from '../../http/pagination.js';

export const yearSchema = z.coerce.number().int().min(2000).max(2100);

export const listQuery = z.object({ year: yearSchema, district: z.string().trim().min(1).max(40).optional() });
export const codeParam = z.object({ code: z.string().trim().min(1).max(80) });
export const recordsQuery = z.object({
  year: yearSchema,
  district: z.string().trim().min(1).max(40).optional(),
  limit: limitSchema,
  cursor: z.string().max(200).optional(),
});
export const seriesQuery = z
  .object({ from: yearSchema, to: yearSchema, district: z.string().trim().min(1).max(40).optional() })
  .refine((q) => q.from <= q.to && q.to - q.from <= 30, { message: '起止年度须 from ≤ to，且跨度不超过 30 年', path: ['to'] });
export const districtsQuery = z.object({ year: yearSchema });
export const targetsQuery = z.object({ year: yearSchema });

const kind = z.enum(['computed', 'reported']);

export const indicatorItem = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind,
  value: z.number().nullable(),
  target: z.number().nullable(),
  source: z.string().nullable(),
});
export const indicatorList = z.object({ year: z.number(), items: z.array(indicatorItem) });

export const catalogueItem = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  kind,
  nature: z.enum(['flow', 'stock', 'ratio']),
  module: z.string(),
  definition: z.string().nullable(),
  available: z.boolean(),
});
export const catalogue = z.object({ items: z.array(catalogueItem) });

export const recordItem = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  district: z.string().nullable(),
  date: z.string(),
  amount: z.number().nullable(),
  enterpriseId: z.number().nullable(),
});
export const recordPage = z.object({ code: z.string(), year: z.number(), total: z.number(), items: z.array(recordItem), nextCursor: z.string().nullable() });

export const seriesResult = z.object({
  code: z.string(),
  unit: z.string(),
  items: z.array(z.object({ year: z.number(), value: z.number().nullable(), target: z.number().nullable() })),
});

export const districtBreakdown = z.object({
  code: z.string(),
  year: z.number(),
  unit: z.string(),
  city: z.number().nullable(),
  districtSum: z.number().nullable(),
  items: z.array(z.object({ districtId: z.number(), district: z.string(), value: z.number().nullable(), target: z.number().nullable() })),
});

export const targetFlag = z.enum(['met', 'already_met', 'below_previous_actual', 'district_sum_mismatch', 'not_measured']);
export const targetOverview = z.object({
  year: z.number(),
  items: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      kind,
      available: z.boolean(),
      target: z.number().nullable(),
      note: z.string().nullable(),
      source: z.string().nullable(),
      districtSum: z.number().nullable(),
      difference: z.number().nullable(),
      districts: z.array(z.object({ district: z.string(), target: z.number() })),
      actual: z.number().nullable(),
      previousActual: z.number().nullable(),
      progress: z.number().nullable(),
      flags: z.array(targetFlag),
    }),
  ),
});

export const setTargetsBody = z.object({
  year: yearSchema,
  code: z.string().trim().min(1).max(80),
  /** district omitted or null = city-wide */
  items: z
    .array(z.object({ district: z.string().trim().min(1).max(40).nullable().optional(), value: z.number().finite().min(0).max(1e15) }))
    .max(50),
  source: z.string().trim().max(200).optional(),
  note: z.string().trim().max(500).optional(),
});

export const setTargetsResult = z.object({ code: z.string(), year: z.number(), replaced: z.number(), rows: z.number() });

export const importKindParam = z.object({ kind: z.enum(['reported', 'targets']) });
