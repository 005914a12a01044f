import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import { districts, enterprises, overseasProjects } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { fenToYuan, yuanToFen } from '../../lib/money.js';
import { recordAudit } from '../audit/index.js';
import * as policy from './funds.policy.js';
import type { overseasBody, overseasReturnBody } from './funds.schema.js';

const pgCode = (err: unknown) => (err as { code?: string }).code ?? (err as { cause?: { code?: string } }).cause?.code;

export async function listOverseas(opts: { db: Db; ctx: RequestContext }) {
  policy.assertCityReader(opts.ctx);
  const rows = await opts.db
    .select({ o: overseasProjects, districtName: districts.name })
    .from(overseasProjects)
    .leftJoin(districts, eq(districts.id, overseasProjects.returnedDistrictId))
    .orderBy(asc(overseasProjects.investedOn), asc(overseasProjects.id));
  return {
    items: rows.map(({ o, districtName }) => ({
      id: o.id,
      name: o.name,
      country: o.country,
      city: o.city,
      field: o.field,
      investedOn: o.investedOn,
      amount: fenToYuan(o.amountFen),
      returnedOn: o.returnedOn,
      returnedName: o.returnedName,
      returnedEnterpriseId: o.returnedEnterpriseId,
      returnedDistrictName: districtName,
      version: o.version,
    })),
  };
}

export async function createOverseas(opts: { db: Db; ctx: RequestContext; input: z.infer<typeof overseasBody> }) {
  const actor = policy.assertOfficer(opts.ctx);
  const input = opts.input;
  if (input.investedOn > businessToday()) {
    throw fieldError('investedOn', '投资日期不能晚于今天');
  }
  return opts.db.transaction(async (tx) => {
    try {
      const [row] = await tx.transaction((sp) =>
        sp
          .insert(overseasProjects)
          .values({ name: input.name, country: input.country, city: input.city ?? null, field: input.field, investedOn: input.investedOn, amountFen: yuanToFen(input.amount), createdBy: actor.userId })
          .returning(),
      );
      await recordAudit(tx, opts.ctx, { action: 'overseas_project.create', objectType: 'overseas_project', objectId: row.id, after: row });
      return { id: row.id };
    } catch (err) {
      if (pgCode(err) === '23505') {
        throw fieldError('name', '已有同名的海外项目', 'conflict');
      }
      throw err;
    }
  });
}

/** Records that an overseas project came back to Hangzhou, linked to the registry when its company is registered (by USCC, else by name). */
export async function returnOverseas(opts: { db: Db; ctx: RequestContext; id: number; input: z.infer<typeof overseasReturnBody> }) {
  policy.assertOfficer(opts.ctx);
  const input = opts.input;
  return opts.db.transaction(async (tx) => {
    const [before] = await tx.select().from(overseasProjects).where(eq(overseasProjects.id, opts.id)).for('update');
    if (!before) {
      throw notFound('海外项目');
    }
    if (before.version !== input.version) {
      throw new AppError('version_conflict', '项目信息已被他人更新，请刷新后重试');
    }
    if (before.returnedOn) {
      throw new AppError('invalid_state', `该项目已于${before.returnedOn}回杭落户`);
    }
    if (input.returnedOn < before.investedOn || input.returnedOn > businessToday()) {
      throw fieldError('returnedOn', `落户日期应在投资日期（${before.investedOn}）与今天之间`);
    }
    const [ent] = input.uscc
      ? await tx.select().from(enterprises).where(eq(enterprises.uscc, input.uscc))
      : await tx.select().from(enterprises).where(eq(enterprises.name, input.returnedName));
    if (input.uscc && !ent) {
      throw fieldError('uscc', '企业库中没有该统一社会信用代码的企业（未登记的企业请留空）');
    }
    const districtId = ent?.districtId ?? input.districtId ?? null;
    if (districtId === null) {
      throw fieldError('districtId', '请选择落户区县');
    }
    if (!ent && !(await tx.select({ id: districts.id }).from(districts).where(eq(districts.id, districtId))).length) {
      throw fieldError('districtId', '区县不存在');
    }
    const [after] = await tx
      .update(overseasProjects)
      .set({ returnedOn: input.returnedOn, returnedName: ent?.name ?? input.returnedName, returnedEnterpriseId: ent?.id ?? null, returnedDistrictId: districtId, version: before.version + 1 })
      .where(eq(overseasProjects.id, before.id))
      .returning();
    await recordAudit(tx, opts.ctx, { action: 'overseas_project.return', objectType: 'overseas_project', objectId: before.id, before: { returnedOn: null }, after: { returnedOn: after.returnedOn, returnedEnterpriseId: after.returnedEnterpriseId } });
    return { id: after.id };
  });
}
