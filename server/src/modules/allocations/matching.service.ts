import { and, asc, desc, eq, inArray, lte } from "drizzle-orm";
import type { Db, Executor, Tx } from "../../db/client.js";
import {
  districts,
  enterprises,
  matchingPayments,
  matchingPolicies,
  matchingProjects,
} from "../../db/schema/index.js";
import {
  actorOf,
  hasRole,
  type Actor,
  type RequestContext,
} from "../../http/context.js";
import {
  AppError,
  fieldError,
  forbidden,
  notFound,
} from "../../http/errors.js";
import { fenToYuan, yuanToFen } from "../../lib/money.js";
import { recordAudit } from "../audit/index.js";
import { balances, defineBook, postMovement } from "../ledger/index.js";
import { preparePayment, registerPayable } from "../payments/index.js";
import { decimalPlaces, formatDecimal, parseDecimal } from "./factor-method.js";
import { MATCHING_LEVELS, type ProjectInput } from "./matching.schema.js";

/**
 * Matching funds (配套资金) as a ledger book: scope = the matching project; the promise moves
 * appropriation → promised, a payment (payments kernel, maker-checker) promised → paid (owner: the enterprise).
 */
export const MATCHING_BOOK = defineBook({
  code: "matching_funds",
  name: "国家、省科技项目市级配套资金",
  accountKinds: {
    appropriation: { mayGoNegative: true, mayGoPositive: false },
    promised: {},
    paid: { owner: "enterprise" },
  },
  movementKinds: ["promise", "pay", "clawback"],
});
registerPayable({
  code: "matching_fund",
  name: "国家、省科技项目市级配套资金",
  book: MATCHING_BOOK,
  href: () => "/allocations?tab=matching",
});

const READERS: readonly string[] = [
  "city_officer",
  "finance_officer",
  "auditor",
  "city_admin",
];
function scopeOf(a: Actor): { districtId?: number; enterpriseId?: number } {
  if (a.roles.some((r) => READERS.includes(r))) {
    return {};
  }
  if (hasRole(a, "district_officer") && a.districtId !== null) {
    return { districtId: a.districtId };
  }
  if (hasRole(a, "enterprise_user") && a.enterpriseId !== null) {
    return { enterpriseId: a.enterpriseId };
  }
  throw forbidden("无权查看配套资金");
}
function assertOfficer(a: Actor) {
  if (!hasRole(a, "city_officer")) {
    throw forbidden("只有市科委业务处室可以办理配套资金");
  }
}

/** The city's matching amount: min(⌊external × ratio⌋, cap), in fen, exact (ratio has at most 4 decimals). */
export function matchingFen(
  externalFen: number,
  ratio: string,
  capFen: number,
): number {
  const r = parseDecimal(ratio)!;
  const exact = (BigInt(externalFen) * r.int) / 10n ** BigInt(r.scale);
  return Number(exact < BigInt(capFen) ? exact : BigInt(capFen));
}

// ── policies ─────────────────────────────────────────────────────────────────────────────────
export async function listPolicies(db: Db) {
  const rows = await db
    .select()
    .from(matchingPolicies)
    .orderBy(asc(matchingPolicies.level), desc(matchingPolicies.effectiveFrom));
  return {
    items: rows.map((p) => {
      const next = rows.find(
        (q) =>
          q.level === p.level &&
          q.effectiveFrom > p.effectiveFrom &&
          !rows.some(
            (x) =>
              x.level === p.level &&
              x.effectiveFrom > p.effectiveFrom &&
              x.effectiveFrom < q.effectiveFrom,
          ),
      );
      return {
        id: p.id,
        level: p.level,
        levelName: MATCHING_LEVELS[p.level as keyof typeof MATCHING_LEVELS],
        ratio: p.ratio,
        cap: fenToYuan(p.capFen),
        effectiveFrom: p.effectiveFrom,
        effectiveTo: next ? next.effectiveFrom : null,
        documentNo: p.documentNo,
      };
    }),
  };
}

export async function createPolicy(
  db: Db,
  ctx: RequestContext,
  input: {
    level: "national" | "provincial";
    ratio: number | string;
    cap: number;
    effectiveFrom: string;
    documentNo: string;
  },
) {
  const actor = actorOf(ctx);
  assertOfficer(actor);
  const r = parseDecimal(input.ratio);
  if (
    !r ||
    r.int <= 0n ||
    decimalPlaces(r) > 4 ||
    r.int > 10n ** BigInt(r.scale)
  ) {
    throw fieldError(
      "ratio",
      "配套比例须为大于 0、不超过 1 的小数，最多四位小数",
    );
  }
  const ratio = formatDecimal(r);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(matchingPolicies)
      .values({
        level: input.level,
        ratio,
        capFen: yuanToFen(input.cap),
        effectiveFrom: input.effectiveFrom,
        documentNo: input.documentNo,
        createdBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw fieldError(
        "effectiveFrom",
        "该级别在这一生效日期已有政策版本",
        "conflict",
      );
    }
    await recordAudit(tx, ctx, {
      action: "matching_policy.create",
      objectType: "matching_policy",
      objectId: row.id,
      after: row,
    });
  });
  return listPolicies(db);
}

// ── projects ─────────────────────────────────────────────────────────────────────────────────
async function present(
  db: Executor,
  rows: (typeof matchingProjects.$inferSelect)[],
) {
  const ids = rows.map((r) => r.id);
  const [ents, dists, pols, orders, promised, paid] = await Promise.all([
    rows.length
      ? db
          .select({ id: enterprises.id, name: enterprises.name })
          .from(enterprises)
          .where(
            inArray(enterprises.id, [
              ...new Set(rows.map((r) => r.enterpriseId)),
            ]),
          )
      : [],
    db.select({ id: districts.id, name: districts.name }).from(districts),
    db.select().from(matchingPolicies),
    ids.length
      ? db
          .select()
          .from(matchingPayments)
          .where(inArray(matchingPayments.projectId, ids))
          .orderBy(asc(matchingPayments.seq))
      : [],
    balances(db, MATCHING_BOOK, { kinds: ["promised"] }),
    balances(db, MATCHING_BOOK, { kinds: ["paid"] }),
  ]);
  const name = new Map(ents.map((e) => [e.id, e.name]));
  const dname = new Map(dists.map((d) => [d.id, d.name]));
  const pol = new Map(pols.map((p) => [p.id, p]));
  const rem = new Map(promised.map((b) => [b.scope, b.balanceFen]));
  const pd = new Map(paid.map((b) => [b.scope, b.balanceFen]));
  return rows.map((r) => {
    const p = pol.get(r.policyId)!;
    return {
      id: r.id,
      level: r.level,
      levelName: MATCHING_LEVELS[r.level as keyof typeof MATCHING_LEVELS],
      sourceProgramme: r.sourceProgramme,
      title: r.title,
      approvalDocNo: r.approvalDocNo,
      enterpriseId: r.enterpriseId,
      enterpriseName: name.get(r.enterpriseId) ?? "",
      districtName: r.districtId ? (dname.get(r.districtId) ?? null) : null,
      external: fenToYuan(r.externalFen),
      approvedOn: r.approvedOn,
      year: r.year,
      policy: {
        id: p.id,
        documentNo: p.documentNo,
        ratio: r.ratio,
        cap: fenToYuan(r.capFen),
      },
      matching: fenToYuan(r.matchingFen),
      paid: fenToYuan(pd.get(r.id) ?? 0),
      remaining: fenToYuan(rem.get(r.id) ?? 0),
      orderIds: orders
        .filter((o) => o.projectId === r.id)
        .map((o) => o.orderId),
    };
  });
}

export async function listProjects(
  db: Db,
  actor: Actor,
  q: { year?: number; level?: string },
) {
  const scope = scopeOf(actor);
  const conds = [];
  if (q.year !== undefined) {
    conds.push(eq(matchingProjects.year, q.year));
  }
  if (q.level !== undefined) {
    conds.push(eq(matchingProjects.level, q.level));
  }
  if (scope.districtId !== undefined) {
    conds.push(eq(matchingProjects.districtId, scope.districtId));
  }
  if (scope.enterpriseId !== undefined) {
    conds.push(eq(matchingProjects.enterpriseId, scope.enterpriseId));
  }
  const rows = await db
    .select()
    .from(matchingProjects)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(matchingProjects.approvedOn), desc(matchingProjects.id))
    .limit(1000);
  const items = await present(db, rows);
  const sum = (k: "external" | "matching" | "paid") =>
    Math.round(items.reduce((a, i) => a + i[k] * 100, 0)) / 100;
  return {
    items,
    totals: {
      external: sum("external"),
      matching: sum("matching"),
      paid: sum("paid"),
    },
  };
}

async function getProject(db: Executor, actor: Actor, id: number) {
  const scope = scopeOf(actor);
  const [row] = await db
    .select()
    .from(matchingProjects)
    .where(eq(matchingProjects.id, id));
  if (
    !row ||
    (scope.districtId !== undefined && row.districtId !== scope.districtId) ||
    (scope.enterpriseId !== undefined &&
      row.enterpriseId !== scope.enterpriseId)
  ) {
    throw notFound("配套项目");
  }
  return (await present(db, [row]))[0];
}

/** Registers a national/provincial project and books the city's promise by the policy in force on its approval date. */
export async function registerProject(
  db: Db,
  ctx: RequestContext,
  input: ProjectInput,
  opts: { valueDate?: string } = {},
) {
  const actor = actorOf(ctx);
  assertOfficer(actor);
  const id = await db.transaction(async (tx) =>
    registerProjectTx(tx, ctx, input, actor.userId, opts.valueDate),
  );
  return getProject(db, actor, id);
}

export async function registerProjectTx(
  db: Tx,
  ctx: RequestContext,
  input: ProjectInput,
  userId: number | null,
  valueDate?: string,
): Promise<number> {
  const [ent] = await db
    .select({ id: enterprises.id, districtId: enterprises.districtId })
    .from(enterprises)
    .where(eq(enterprises.id, input.enterpriseId));
  if (!ent) {
    throw fieldError("enterpriseId", "企业库中没有该企业");
  }
  const [policy] = await db
    .select()
    .from(matchingPolicies)
    .where(
      and(
        eq(matchingPolicies.level, input.level),
        lte(matchingPolicies.effectiveFrom, input.approvedOn),
      ),
    )
    .orderBy(desc(matchingPolicies.effectiveFrom))
    .limit(1);
  if (!policy) {
    throw fieldError(
      "approvedOn",
      `立项日期 ${input.approvedOn} 时没有生效的${MATCHING_LEVELS[input.level]}配套政策`,
    );
  }
  const externalFen = yuanToFen(input.external);
  const amount = matchingFen(externalFen, policy.ratio, policy.capFen);
  const tx = db;
  {
    let row;
    try {
      [row] = await tx.transaction(async (sp) =>
        sp
          .insert(matchingProjects)
          .values({
            level: input.level,
            sourceProgramme: input.sourceProgramme,
            title: input.title,
            approvalDocNo: input.approvalDocNo,
            enterpriseId: ent.id,
            districtId: ent.districtId,
            externalFen,
            approvedOn: input.approvedOn,
            year: Number(input.approvedOn.slice(0, 4)),
            policyId: policy.id,
            ratio: policy.ratio,
            capFen: policy.capFen,
            matchingFen: amount,
            createdBy: userId,
          })
          .returning(),
      );
    } catch (err) {
      const code =
        (err as { code?: string }).code ??
        (err as { cause?: { code?: string } }).cause?.code;
      if (code === "23505") {
        throw fieldError(
          "approvalDocNo",
          "该企业的这一立项文号已登记",
          "conflict",
        );
      }
      throw err;
    }
    if (amount > 0) {
      const posted = await postMovement(tx, {
        book: MATCHING_BOOK,
        kind: "promise",
        valueDate: valueDate ?? input.approvedOn,
        idempotencyKey: `matching-promise-${row.id}`,
        memo: input.title,
        actorId: userId,
        entries: [
          {
            account: { kind: "appropriation", scope: row.id },
            amountFen: -amount,
          },
          { account: { kind: "promised", scope: row.id }, amountFen: amount },
        ],
      });
      await tx
        .update(matchingProjects)
        .set({ promiseMovementId: posted.id })
        .where(eq(matchingProjects.id, row.id));
    }
    await recordAudit(tx, ctx, {
      action: "matching_project.create",
      objectType: "matching_project",
      objectId: row.id,
      after: { ...row, matchingFen: amount },
    });
    return row.id;
  }
}

/** Prepares a payment order (payments kernel) from the project's promise; the finance reviewer approves it on the payment desk. */
export async function preparePaymentOf(
  db: Db,
  ctx: RequestContext,
  id: number,
  amount: number,
) {
  const actor = actorOf(ctx);
  assertOfficer(actor);
  const amountFen = yuanToFen(amount);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(matchingProjects)
      .where(eq(matchingProjects.id, id))
      .for("update");
    if (!row) {
      throw notFound("配套项目");
    }
    const [promised] = await balances(tx, MATCHING_BOOK, {
      scope: id,
      kinds: ["promised"],
    });
    const remaining = promised?.balanceFen ?? 0;
    if (amountFen > remaining) {
      throw new AppError(
        "insufficient_balance",
        `本次拨付超过尚未拨付的配套承诺（${fenToYuan(remaining)}元）`,
        {
          fields: [
            { field: "amount", message: `不能超过 ${fenToYuan(remaining)} 元` },
          ],
        },
      );
    }
    const seq =
      (
        await tx
          .select({ seq: matchingPayments.seq })
          .from(matchingPayments)
          .where(eq(matchingPayments.projectId, id))
      ).length + 1;
    const [ent] = await tx
      .select({ name: enterprises.name })
      .from(enterprises)
      .where(eq(enterprises.id, row.enterpriseId));
    const order = await preparePayment(tx, ctx, {
      payable: "matching_fund",
      caseId: null,
      payee: { type: "enterprise", id: row.enterpriseId, name: ent.name },
      amountFen,
      purpose: `${row.title}（${row.approvalDocNo}）市级配套第${seq}笔`,
      debit: { kind: "promised", scope: id },
      credit: {
        kind: "paid",
        scope: id,
        owner: { type: "enterprise", id: row.enterpriseId },
      },
      idempotencyKey: `matching:${id}:${seq}`,
    });
    await tx
      .insert(matchingPayments)
      .values({ orderId: order.id, projectId: id, seq });
    await recordAudit(tx, ctx, {
      action: "matching_project.pay",
      objectType: "matching_project",
      objectId: id,
      after: { orderId: order.id, amountFen, seq },
    });
  });
  return getProject(db, actor, id);
}
