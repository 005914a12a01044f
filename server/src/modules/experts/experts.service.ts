import type { Db, Executor } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { AppError, fieldError, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import { recordAudit } from '../audit/index.js';
import { panelReviewStatuses } from '../cases/index.js';
import { assertCanManagePool, assertCanReadPool, assertIsExpert } from './experts.policy.js';
import * as repo from './experts.repo.js';
import { CATEGORY_NAMES, LINK_KIND_NAMES, type CreateExpertInput, type ExpertQuery, type LinkInput, type PatchExpertInput } from './experts.schema.js';

import { actorOf } from '../../http/context.js';

export { actorOf };
export function presentLink(l: repo.LinkRow) {
  return {
    id: l.id,
    kind: l.kind,
    kindName: LINK_KIND_NAMES[l.kind],
    enterpriseId: l.enterpriseId,
    companyName: l.companyName,
    uscc: l.uscc,
    endedOn: l.endedOn,
    note: l.note,
    createdAt: l.createdAt,
  };
}

export function presentExpert(e: repo.ExpertRow, load: number) {
  return {
    id: e.id,
    userId: e.userId,
    name: e.name,
    organization: e.organization,
    title: e.title,
    category: e.category,
    categoryName: CATEGORY_NAMES[e.category],
    fields: e.fields,
    active: e.active,
    load,
    version: e.version,
  };
}

export async function listExperts(opts: { db: Db; actor: Actor; query: ExpertQuery }) {
  assertCanReadPool(opts.actor);
  const { query } = opts;
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const where = repo.filterCondition({ q: query.q, category: query.category, field: query.field, active: query.active === undefined ? undefined : query.active === 'true' });
  const rows = await repo.listPage(opts.db, { where, afterId: after?.id, limit: query.limit + 1 });
  const items = rows.slice(0, query.limit);
  const loads = await repo.loads(opts.db, panelReviewStatuses(), items.map((e) => e.id));
  const last = items[items.length - 1];
  return { items: items.map((e) => presentExpert(e, loads.get(e.id) ?? 0)), nextCursor: rows.length > query.limit && last ? encodeCursor(last.id, last.id) : null };
}

async function detail(db: Executor, e: repo.ExpertRow) {
  const [links, loads] = await Promise.all([repo.listLinks(db, e.id), repo.loads(db, panelReviewStatuses(), [e.id])]);
  return { ...presentExpert(e, loads.get(e.id) ?? 0), links: links.map(presentLink), createdAt: e.createdAt, updatedAt: e.updatedAt };
}

export async function getExpert(opts: { db: Db; actor: Actor; id: number }) {
  assertCanReadPool(opts.actor);
  const e = await repo.findExpert(opts.db, opts.id);
  if (!e) {
    throw notFound('专家');
  }
  return detail(opts.db, e);
}

/** A linked login must exist, hold the expert role and not be linked to another expert. */
async function checkUser(tx: Executor, userId: number, expertId: number | null): Promise<void> {
  const user = await repo.findUser(tx, userId);
  if (!user || !user.roles.includes('expert')) {
    throw fieldError('userId', '关联的用户不存在或不是“评审专家”角色');
  }
  if (await repo.findExpertByUserExcept(tx, userId, expertId)) {
    throw fieldError('userId', '该用户已关联其他专家', 'conflict');
  }
}

export async function createExpert(opts: { db: Db; ctx: RequestContext; input: CreateExpertInput }) {
  const actor = actorOf(opts.ctx);
  assertCanManagePool(actor);
  const { input } = opts;
  return opts.db.transaction(async (tx) => {
    if (input.userId) {
      await checkUser(tx, input.userId, null);
    }
    const row = await repo.insertExpert(tx, {
      name: input.name,
      organization: input.organization,
      title: input.title,
      category: input.category,
      fields: input.fields,
      active: input.active,
      userId: input.userId ?? null,
    });
    await recordAudit(tx, opts.ctx, { action: 'expert.create', objectType: 'expert', objectId: row.id, after: row });
    return detail(tx, row);
  });
}

export async function updateExpert(opts: { db: Db; ctx: RequestContext; id: number; input: PatchExpertInput }) {
  const actor = actorOf(opts.ctx);
  assertCanManagePool(actor);
  const { version, ...fields } = opts.input;
  return opts.db.transaction(async (tx) => {
    const before = await repo.findExpert(tx, opts.id, true);
    if (!before) {
      throw notFound('专家');
    }
    if (before.version !== version) {
      throw new AppError('version_conflict', '该专家信息已被他人修改，请刷新后重试', { currentVersion: before.version });
    }
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<repo.NewExpertRow>;
    if (Object.keys(set).length === 0) {
      return detail(tx, before);
    }
    if (set.userId) {
      await checkUser(tx, set.userId, before.id);
    }
    const after = await repo.updateExpert(tx, opts.id, version, set);
    if (!after) {
      throw new AppError('version_conflict', '该专家信息已被他人修改，请刷新后重试');
    }
    await recordAudit(tx, opts.ctx, { action: 'expert.update', objectType: 'expert', objectId: after.id, before, after });
    return detail(tx, after);
  });
}

async function addLinkTo(tx: Executor, ctx: RequestContext, expert: repo.ExpertRow, input: LinkInput) {
  let companyName = input.companyName ?? '';
  let uscc = input.uscc ?? null;
  if (input.enterpriseId !== undefined) {
    const ent = await repo.findEnterprise(tx, input.enterpriseId);
    if (!ent) {
      throw fieldError('enterpriseId', '企业库中没有该企业');
    }
    companyName = ent.name;
    uscc = ent.uscc;
  }
  const row = await repo.insertLink(tx, {
    expertId: expert.id,
    kind: input.kind,
    enterpriseId: input.enterpriseId ?? null,
    companyName,
    uscc,
    endedOn: input.kind === 'former_employer' ? (input.endedOn ?? null) : null,
    note: input.note || null,
  });
  await recordAudit(tx, ctx, { action: 'expert.link.create', objectType: 'expert', objectId: expert.id, after: row });
  return presentLink(row);
}

export async function addLink(opts: { db: Db; ctx: RequestContext; expertId: number; input: LinkInput }) {
  assertCanManagePool(actorOf(opts.ctx));
  return opts.db.transaction(async (tx) => {
    const expert = await repo.findExpert(tx, opts.expertId, true);
    if (!expert) {
      throw notFound('专家');
    }
    return addLinkTo(tx, opts.ctx, expert, opts.input);
  });
}

export async function removeLink(opts: { db: Db; ctx: RequestContext; expertId: number; linkId: number }) {
  assertCanManagePool(actorOf(opts.ctx));
  await opts.db.transaction(async (tx) => {
    const gone = await repo.deleteLink(tx, opts.expertId, opts.linkId);
    if (!gone) {
      throw notFound('关联关系');
    }
    await recordAudit(tx, opts.ctx, { action: 'expert.link.delete', objectType: 'expert', objectId: opts.expertId, before: gone });
  });
}

/** The expert record of the signed-in expert. */
async function ownExpert(db: Executor, actor: Actor, forUpdate = false): Promise<repo.ExpertRow> {
  assertIsExpert(actor);
  const mine = await repo.findExpertByUser(db, actor.userId);
  if (!mine) {
    throw notFound('您的专家档案（请联系市科委将账号关联到专家库）');
  }
  return forUpdate ? ((await repo.findExpert(db, mine.id, true)) ?? mine) : mine;
}

export async function myLinks(opts: { db: Db; actor: Actor }) {
  const mine = await ownExpert(opts.db, opts.actor);
  return { expertId: mine.id, items: (await repo.listLinks(opts.db, mine.id)).map(presentLink) };
}

/** An expert declares its own link (employment, shareholding…): audited like an officer's entry. */
export async function declareMyLink(opts: { db: Db; ctx: RequestContext; input: LinkInput }) {
  const actor = actorOf(opts.ctx);
  return opts.db.transaction(async (tx) => addLinkTo(tx, opts.ctx, await ownExpert(tx, actor, true), opts.input));
}
