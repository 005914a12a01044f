import { z } from 'zod';
import { ORG_KINDS, ROLES } from '../../db/schema/index.js';

export const districtItem = z.object({ id: z.number(), code: z.string(), name: z.string(), sortOrder: z.number() });
export const districtList = z.object({ items: z.array(districtItem) });
const districtFields = {
  code: z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字'),
  name: z.string().trim().min(2, '名称至少2个字').max(32),
  sortOrder: z.number().int().min(0).max(999),
};
export const districtBody = z.object({ ...districtFields, sortOrder: districtFields.sortOrder.default(0) });
// Built without the default: zod 4 applies defaults inside .partial(), which would reset sortOrder on every PATCH.
export const districtPatch = z.object(districtFields).partial();

export const orgKind = z.enum(ORG_KINDS);
export const organizationItem = z.object({
  id: z.number(),
  name: z.string(),
  kind: orgKind,
  kindName: z.string(),
  districtId: z.number().nullable(),
  districtName: z.string().nullable(),
  enterpriseId: z.number().nullable(),
  version: z.number(),
});
export const organizationList = z.object({ items: z.array(organizationItem) });
export const organizationQuery = z.object({
  q: z.string().trim().max(64).optional(),
  kind: orgKind.optional(),
  districtId: z.coerce.number().int().positive().optional(),
});
export const organizationBody = z.object({
  name: z.string().trim().min(2, '名称至少2个字').max(100),
  kind: orgKind,
  districtId: z.number().int().positive().nullable().optional(),
  enterpriseId: z.number().int().positive().nullable().optional(),
});
export const organizationPatch = organizationBody.partial().extend({ version: z.number().int().positive() });

export const role = z.enum(ROLES);
export const roleList = z.object({ items: z.array(z.object({ code: role, name: z.string(), organizationKinds: z.array(orgKind) })) });

export const userItem = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  organizationId: z.number(),
  organizationName: z.string(),
  roles: z.array(role),
  disabled: z.boolean(),
  lockedUntil: z.date().nullable(),
  lastLoginAt: z.date().nullable(),
  version: z.number(),
});
export const userList = z.object({ items: z.array(userItem) });
export const userQuery = z.object({
  q: z.string().trim().max(64).optional(),
  organizationId: z.coerce.number().int().positive().optional(),
  role: role.optional(),
});
export const userBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-zA-Z][a-zA-Z0-9_.-]{2,31}$/, '用户名为3–32位字母、数字、下划线、点或连字符，以字母开头'),
  displayName: z.string().trim().min(1, '请填写姓名').max(64),
  organizationId: z.number().int().positive(),
  roles: z.array(role).min(1, '至少分配一个角色'),
  password: z.string().max(128),
});
export const userPatch = z.object({
  version: z.number().int().positive(),
  displayName: z.string().trim().min(1).max(64).optional(),
  organizationId: z.number().int().positive().optional(),
  roles: z.array(role).min(1, '至少分配一个角色').optional(),
  disabled: z.boolean().optional(),
  unlock: z.literal(true).optional(),
});
export const resetPasswordBody = z.object({ password: z.string().max(128) });
export const idParam = z.object({ id: z.coerce.number().int().positive() });
export const okResponse = z.object({ ok: z.literal(true) });
