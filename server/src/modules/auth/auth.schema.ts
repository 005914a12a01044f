import { z } from 'zod';

export const loginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

export const userSummary = z.object({ id: z.number(), username: z.string(), displayName: z.string() });

export const loginResponse = z.object({ user: userSummary, csrfToken: z.string() });

export const meResponse = z.object({
  user: userSummary,
  roles: z.array(z.string()),
  organization: z.object({
    id: z.number(),
    name: z.string(),
    kind: z.string(),
    enterpriseId: z.number().nullable(),
    district: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
  }),
  csrfToken: z.string().nullable(),
  via: z.enum(['session', 'token']),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

export const createTokenBody = z.object({
  name: z.string().trim().min(1, '请填写令牌名称').max(64),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const tokenItem = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
});

export const tokenList = z.object({ items: z.array(tokenItem) });

export const createdToken = z.object({
  id: z.number(),
  name: z.string(),
  prefix: z.string(),
  token: z.string(),
  createdAt: z.date(),
  expiresAt: z.date().nullable(),
});

export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const okResponse = z.object({ ok: z.literal(true) });
