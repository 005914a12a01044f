import { z } from 'zod';

export const jobParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });

export const rowError = z.object({ row: z.number(), column: z.string(), message: z.string() });

/** A background job: progress while running, then its result, or its failure with the row errors (each once, at most 200 listed). */
export const backgroundJob = z.object({
  id: z.number(),
  kind: z.enum(['enterprise_import', 'voucher_issuance', 'indicator_import', 'carrier_stats_import']),
  status: z.enum(['running', 'done', 'failed']),
  progress: z.number(),
  stage: z.string().nullable(),
  filename: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  rowErrors: z.array(rowError),
  rowErrorTotal: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
