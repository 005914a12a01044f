import { z } from 'zod';
import { limitSchema } from '../../http/pagination.js';
import { isoDate } from '../calendar/index.js';

const code = z.string().trim().min(1).max(64).regex(/^[a-z0-9_]+$/, '代码只能包含小写字母、数字和下划线');

export const inboxFilter = z
  .object({
    instrument: code.optional().describe('业务类别代码，如 recognitions'),
    type: code.optional().describe('类别下的类型代码，如 hnte'),
    status: code.optional().describe('状态代码'),
    district: z.string().trim().min(1).max(40).optional().describe('区县代码或名称'),
    dueBefore: isoDate.optional().describe('只看办理期限在此日期（含）之前的'),
    mine: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true')
      .describe('true：只看等待我（我的角色）办理的'),
  })
  .strict();

export const inboxQuery = inboxFilter.extend({ cursor: z.string().max(200).optional(), limit: limitSchema }).strict();

export const inboxItem = z.object({
  id: z.number().int(),
  instrument: z.string(),
  instrumentName: z.string(),
  type: z.string(),
  typeName: z.string(),
  status: z.string(),
  statusName: z.string(),
  title: z.string(),
  dueOn: z.string().nullable(),
  dueState: z.enum(['overdue', 'due_soon', 'ok']).nullable().describe('overdue 已超期；due_soon 3个工作日内到期'),
  enterprise: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  applicantName: z.string(),
  district: z.object({ code: z.string(), name: z.string() }).nullable(),
  href: z.string().describe('SPA 中办理该事项的页面'),
  updatedAt: z.string(),
});

export const inboxPage = z.object({ items: z.array(inboxItem), nextCursor: z.string().nullable() });

export const inboxSummary = z.object({
  today: z.string(),
  total: z.number().int(),
  overdue: z.number().int(),
  dueSoon: z.number().int(),
  byInstrument: z.array(z.object({ instrument: z.string(), instrumentName: z.string(), count: z.number().int(), overdue: z.number().int(), dueSoon: z.number().int() })),
});
