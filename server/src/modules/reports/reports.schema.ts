import { z } from 'zod';

export const annualQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const jobParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const downloadQuery = z.object({ format: z.enum(['docx', 'md']).default('docx') });

export const reportJob = z.object({
  id: z.number(),
  kind: z.string(),
  year: z.number(),
  status: z.enum(['running', 'done', 'failed']),
  progress: z.number(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  downloads: z.object({ docx: z.string(), markdown: z.string() }).nullable(),
});
