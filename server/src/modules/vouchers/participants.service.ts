import { and, eq, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enterprises } from '../../db/schema/index.js';
import { voucherProviders } from '../../db/schema/vouchers.js';
import type { RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { yuanToFen } from '../../lib/money.js';
import type { PiiCipher } from '../../lib/pii.js';
import { recordAudit } from '../audit/index.js';
import { actorOf, afterIdOf, page, presentHolder, presentProvider, presentService } from './vouchers.common.js';
import { actsForProvider, assertCityOfficer, holderScope, isCityReader } from './vouchers.policy.js';
import * as repo from './vouchers.repo.js';
import type { CreateHolderInput, CreateProviderInput, HolderQuery, ProviderQuery, ServiceInput } from './vouchers.schema.js';

// ── holders ─────────────────────────────────────────────────────────────────
/**
 * Registers a holder: an enterprise from the registry (by an officer of its district or the city,
 * or the enterprise itself), or a startup team without a credit code (by an officer).
 */
export async function createHolder(opts: { db: Db; ctx: RequestContext; input: CreateHolderInput }) {
  const { db, ctx, input } = opts;
  const actor = actorOf(ctx);
  const id = await db.transaction(async (tx) => {
    let row: Parameters<typeof repo.insertHolders>[1][number];
    if (input.kind === 'team') {
      if (!hasRole(actor, 'city_officer') && !(hasRole(actor, 'district_officer') && actor.districtId === input.districtId)) {
        throw forbidden('创业团队由市科委或所在区县科技局登记');
      }
      row = {
        kind: 'team',
        name: input.name,
        districtId: input.districtId,
        leaderName: input.leaderName,
        organizationId: input.organizationId ?? null,
      };
    } else {
      const [e] = await tx.select().from(enterprises).where(eq(enterprises.id, input.enterpriseId));
      if (!e) {
        throw notFound('企业');
      }
      const allowed =
        hasRole(actor, 'city_officer') ||
        (hasRole(actor, 'district_officer') && actor.districtId === e.districtId) ||
        (hasRole(actor, 'enterprise_user') && actor.enterpriseId === e.id);
      if (!allowed) {
        throw forbidden('只能为本企业或本区县企业登记创新券持有人');
      }
      if (await repo.findHolderByEnterprise(tx, e.id)) {
        throw new AppError('conflict', '该企业已是创新券持有人');
      }
      row = {
        kind: 'enterprise',
        enterpriseId: e.id,
        name: e.name,
        districtId: e.districtId,
        contactPhoneHash: e.contactPhoneHash,
      };
    }
    const [h] = await repo.insertHolders(tx, [row]);
    await recordAudit(tx, ctx, {
      action: 'voucher.holder.create',
      objectType: 'voucher_holder',
      objectId: h.id,
      after: h,
    });
    return h.id;
  });
  return presentHolder((await repo.findHolder(db, id))!);
}

export async function listHolders(opts: { db: Db; ctx: RequestContext; query: HolderQuery }) {
  const actor = actorOf(opts.ctx);
  const { limit, cursor, ...filter } = opts.query;
  const scope = holderScope(actor);
  const f = repo.holderFilter(filter);
  const rows = await repo.listHolders(opts.db, {
    where: scope && f ? and(scope, f) : (scope ?? f),
    afterId: afterIdOf(cursor),
    limit: limit + 1,
  });
  return page(rows, limit, presentHolder);
}

// ── providers ───────────────────────────────────────────────────────────────
/** Who sees which providers: bureau readers all; others the approved ones, a provider also its own. */
function providerVisibility(ctx: RequestContext): SQL | undefined {
  const actor = actorOf(ctx);
  if (isCityReader(actor)) {
    return undefined;
  }
  const approved = eq(voucherProviders.status, 'approved');
  return hasRole(actor, 'provider') ? or(approved, eq(voucherProviders.organizationId, actor.organizationId)) : approved;
}

export async function listProviders(opts: { db: Db; ctx: RequestContext; query: ProviderQuery }) {
  const { limit, cursor, ...filter } = opts.query;
  const scope = providerVisibility(opts.ctx);
  const f = repo.providerFilter(filter);
  const rows = await repo.listProviders(opts.db, {
    where: scope && f ? and(scope, f) : (scope ?? f),
    afterId: afterIdOf(cursor),
    limit: limit + 1,
  });
  return page(rows, limit, presentProvider);
}

export async function getProvider(opts: { db: Db; ctx: RequestContext; id: number }) {
  const p = await repo.findProvider(opts.db, opts.id);
  const scope = providerVisibility(opts.ctx);
  const actor = actorOf(opts.ctx);
  if (!p || (scope && p.status !== 'approved' && !actsForProvider(actor, p))) {
    throw notFound('服务机构');
  }
  const services = await repo.listServices(opts.db, [p.id]);
  return { ...presentProvider(p), services: services.map(presentService) };
}

/**
 * Registration: a provider's own staff register their organisation (pending until the bureau
 * approves); a city officer may register any organisation and approves it at once.
 */
export async function registerProvider(opts: { db: Db; ctx: RequestContext; pii: PiiCipher; input: CreateProviderInput }) {
  const { db, ctx, input } = opts;
  const actor = actorOf(ctx);
  const officer = hasRole(actor, 'city_officer');
  if (!officer && !hasRole(actor, 'provider')) {
    throw forbidden('只有服务机构或市科委可以登记服务机构');
  }
  const organizationId = officer ? (input.organizationId ?? null) : actor.organizationId;
  const id = await db.transaction(async (tx) => {
    if (organizationId !== null && (await repo.findProviderByOrg(tx, organizationId))) {
      throw new AppError('conflict', '该机构已登记为服务机构');
    }
    const [p] = await repo.insertProviders(tx, [
      {
        organizationId,
        enterpriseId: input.enterpriseId ?? null,
        name: input.name,
        districtId: input.districtId,
        categories: input.categories,
        status: officer ? 'approved' : 'pending',
        contactName: input.contactName ?? null,
        contactPhoneHash: input.contactPhone ? opts.pii.lookupHash(input.contactPhone) : null,
        description: input.description ?? null,
      },
    ]);
    await recordAudit(tx, ctx, {
      action: 'voucher.provider.register',
      objectType: 'voucher_provider',
      objectId: p.id,
      after: { ...p, contactPhoneHash: undefined },
    });
    return p.id;
  });
  return getProvider({ db, ctx, id });
}

export async function setProviderStatus(opts: { db: Db; ctx: RequestContext; id: number; status: 'approved' | 'suspended' | 'blacklisted'; note?: string }) {
  const actor = actorOf(opts.ctx);
  assertCityOfficer(actor, '服务机构审核');
  await opts.db.transaction(async (tx) => {
    const before = await repo.findProvider(tx, opts.id);
    if (!before) {
      throw notFound('服务机构');
    }
    await repo.updateProviderStatus(tx, opts.id, opts.status);
    await recordAudit(tx, opts.ctx, {
      action: 'voucher.provider.status',
      objectType: 'voucher_provider',
      objectId: opts.id,
      before: { status: before.status },
      after: { status: opts.status, note: opts.note ?? null },
    });
  });
  return getProvider(opts);
}

export async function addService(opts: { db: Db; ctx: RequestContext; providerId: number; input: ServiceInput }) {
  const actor = actorOf(opts.ctx);
  const p = await repo.findProvider(opts.db, opts.providerId);
  if (!p) {
    throw notFound('服务机构');
  }
  if (!hasRole(actor, 'city_officer') && !actsForProvider(actor, p)) {
    throw forbidden('只能维护本机构的服务目录');
  }
  if (!p.categories.includes(opts.input.category)) {
    throw new AppError('validation_failed', '该类别不在机构登记的服务范围内', {
      fields: [{ field: 'category', message: '该类别不在机构登记的服务范围内' }],
    });
  }
  return opts.db.transaction(async (tx) => {
    const [s] = await repo.insertServices(tx, [
      {
        providerId: p.id,
        category: opts.input.category,
        name: opts.input.name,
        priceFen: yuanToFen(opts.input.price),
        unit: opts.input.unit,
        description: opts.input.description ?? null,
      },
    ]);
    await recordAudit(tx, opts.ctx, {
      action: 'voucher.service.create',
      objectType: 'voucher_service',
      objectId: s.id,
      after: s,
    });
    return presentService(s);
  });
}

/** The provider record of the signed-in provider user (its "own organisation"). */
export async function myProvider(opts: { db: Db; ctx: RequestContext }) {
  const actor = actorOf(opts.ctx);
  const p = await repo.findProviderByOrg(opts.db, actor.organizationId);
  if (!p) {
    throw notFound('本机构的服务机构登记');
  }
  return getProvider({ db: opts.db, ctx: opts.ctx, id: p.id });
}
