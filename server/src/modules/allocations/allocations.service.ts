import type { Db, Executor } from "../../db/client.js";
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
import { businessToday } from "../../lib/clock.js";
import { fenToYuan, yuanToFen } from "../../lib/money.js";
import { recordAudit } from "../audit/index.js";
import {
  balanceTotals,
  defineBook,
  postMovement,
  reverseMovement,
} from "../ledger/index.js";
import * as repo from "./allocations.repo.js";
import {
  PLAN_KINDS,
  PLAN_STATUSES,
  type PlanInput,
  type PreviewInput,
} from "./allocations.schema.js";
import {
  allocate,
  formatDecimal,
  parseDecimal,
  FactorMethodError,
} from "./factor-method.js";

/**
 * The districts' allocations as a ledger book: scope = the plan's year; `appropriation` is the
 * contra account of the city's side, `district_budget` what each district was given.
 */
export const ALLOCATION_BOOK = defineBook({
  code: "district_allocations",
  name: "区县切块资金（因素法）",
  accountKinds: {
    appropriation: { mayGoNegative: true, mayGoPositive: false },
    district_budget: { owner: "district" },
  },
  movementKinds: ["allocate", "reverse"],
});

/** Roles that may check (approve) a plan; the preparer never approves his own. */
const CHECKERS: readonly string[] = ["city_officer", "finance_officer"];
const CITY_READERS: readonly string[] = [
  "city_officer",
  "finance_officer",
  "auditor",
  "city_admin",
];

const isCityReader = (a: Actor) =>
  a.roles.some((r) => CITY_READERS.includes(r));
const isChecker = (a: Actor) => a.roles.some((r) => CHECKERS.includes(r));
function assertPreparer(a: Actor) {
  if (!hasRole(a, "city_officer")) {
    throw forbidden("只有市科委业务处室可以编制分配方案");
  }
}
/** The district officer's own district, or null for the city's readers; others are refused. */
function readScope(a: Actor): { districtId: number | null } {
  if (isCityReader(a)) {
    return { districtId: null };
  }
  if (hasRole(a, "district_officer") && a.districtId !== null) {
    return { districtId: a.districtId };
  }
  throw forbidden("无权查看资金分配");
}

export interface ComputedLine {
  districtId: number;
  code: string;
  name: string;
  values: Record<string, string>;
  share: string;
  amountFen: number;
}

/** RULES §6 over the request, with the districts resolved against the registry (an unknown code is a field error). */
export async function compute(
  db: Executor,
  input: PreviewInput,
): Promise<{ totalFen: number; lines: ComputedLine[] }> {
  const known = new Map((await repo.allDistricts(db)).map((d) => [d.code, d]));
  const unknown = input.districts.flatMap((d, i) =>
    known.has(d.code)
      ? []
      : [
          {
            field: `districts.${i}.code`,
            message: `区县代码 ${d.code} 不存在`,
          },
        ],
  );
  const totalFen = yuanToFen(input.total);
  let result;
  try {
    result = allocate({
      totalFen,
      factors: input.factors,
      districts: input.districts,
    });
  } catch (e) {
    if (e instanceof FactorMethodError) {
      const fields = [...unknown, ...e.fields];
      throw new AppError(
        e.code,
        e.code === "factor_all_zero"
          ? fields[fields.length - 1].message
          : "分配方案有误，请检查标注的字段",
        { fields },
      );
    }
    throw e;
  }
  if (unknown.length) {
    throw new AppError("validation_failed", "分配方案有误，请检查标注的字段", {
      fields: unknown,
    });
  }
  const lines = result.map((r, i): ComputedLine => {
    const d = known.get(r.code)!;
    const values = Object.fromEntries(
      Object.entries(input.districts[i].values).map(([k, v]) => [
        k,
        formatDecimal(parseDecimal(v)!),
      ]),
    );
    return {
      districtId: d.id,
      code: d.code,
      name: d.name,
      values,
      share: r.share,
      amountFen: r.amountFen,
    };
  });
  return { totalFen, lines };
}

const line = (l: {
  code: string;
  name: string;
  share: string;
  amountFen: number;
}) => ({
  code: l.code,
  name: l.name,
  share: l.share,
  amountFen: l.amountFen,
  amount: fenToYuan(l.amountFen),
});

export async function preview(db: Db, actor: Actor, input: PreviewInput) {
  assertPreparer(actor);
  const { totalFen, lines } = await compute(db, input);
  return { totalFen, allocations: lines.map(line) };
}

const factorsOf = (input: PreviewInput) =>
  input.factors.map((f) => ({
    code: f.code,
    name: f.name,
    weight: formatDecimal(parseDecimal(f.weight)!),
  }));

async function assertCorrectable(
  tx: Executor,
  input: PlanInput,
  selfId: number | null,
) {
  if (input.correctsPlanId === null || input.correctsPlanId === undefined) {
    return;
  }
  const old = await repo.findPlan(tx, input.correctsPlanId);
  if (!old || old.id === selfId) {
    throw fieldError("correctsPlanId", "被更正的方案不存在");
  }
  if (old.status !== "approved") {
    throw fieldError("correctsPlanId", "只能更正已审批下达且未被更正的方案");
  }
  if (old.year !== input.year || old.kind !== input.kind) {
    throw fieldError(
      "correctsPlanId",
      "更正方案的年度和分配类型须与原方案相同",
    );
  }
}

export async function createPlan(
  db: Db,
  ctx: RequestContext,
  input: PlanInput,
) {
  const actor = actorOf(ctx);
  assertPreparer(actor);
  const { totalFen, lines } = await compute(db, input);
  const id = await db.transaction(async (tx) => {
    await assertCorrectable(tx, input, null);
    const plan = await repo.insertPlan(tx, {
      name: input.name,
      year: input.year,
      kind: input.kind,
      totalFen,
      factors: factorsOf(input),
      note: input.note ?? null,
      correctsPlanId: input.correctsPlanId ?? null,
      preparedBy: actor.userId,
    });
    await repo.replaceLines(
      tx,
      plan.id,
      lines.map((l) => ({
        districtId: l.districtId,
        values: l.values,
        share: l.share,
        amountFen: l.amountFen,
      })),
    );
    await recordAudit(tx, ctx, {
      action: "allocation_plan.create",
      objectType: "allocation_plan",
      objectId: plan.id,
      after: { ...plan, lines },
    });
    return plan.id;
  });
  return getPlan(db, actor, id);
}

export async function updatePlan(
  db: Db,
  ctx: RequestContext,
  id: number,
  input: PlanInput & { version: number },
) {
  const actor = actorOf(ctx);
  assertPreparer(actor);
  const { totalFen, lines } = await compute(db, input);
  await db.transaction(async (tx) => {
    const old = await repo.lockPlan(tx, id);
    if (!old) {
      throw notFound("分配方案");
    }
    if (old.status !== "draft") {
      throw new AppError(
        "invalid_state",
        "已审批的方案不能修改；如需调整，请新建更正方案",
      );
    }
    if (old.version !== input.version) {
      throw new AppError("version_conflict", "方案已被他人修改，请刷新后重试");
    }
    await assertCorrectable(tx, input, id);
    // whoever saves the draft last is its preparer (and so may not approve it)
    const row = await repo.updatePlan(tx, id, {
      name: input.name,
      year: input.year,
      kind: input.kind,
      totalFen,
      factors: factorsOf(input),
      note: input.note ?? null,
      correctsPlanId: input.correctsPlanId ?? null,
      preparedBy: actor.userId,
    });
    await repo.replaceLines(
      tx,
      id,
      lines.map((l) => ({
        districtId: l.districtId,
        values: l.values,
        share: l.share,
        amountFen: l.amountFen,
      })),
    );
    await recordAudit(tx, ctx, {
      action: "allocation_plan.update",
      objectType: "allocation_plan",
      objectId: id,
      before: old,
      after: { ...row, lines },
    });
  });
  return getPlan(db, actor, id);
}

/**
 * Approval (审批下达): a checker other than the preparer; books the plan to the districts' budget
 * accounts, and for a correction reverses the corrected plan's movement first — one transaction.
 */
export async function approvePlan(
  db: Db,
  ctx: RequestContext,
  id: number,
  version: number,
) {
  const actor = actorOf(ctx);
  if (!isChecker(actor)) {
    throw forbidden("只有市科委业务处室或计划财务处可以审批分配方案");
  }
  const today = businessToday();
  await db.transaction(async (tx) => {
    const plan = await repo.lockPlan(tx, id);
    if (!plan) {
      throw notFound("分配方案");
    }
    if (plan.status !== "draft") {
      throw new AppError(
        "invalid_state",
        `方案${PLAN_STATUSES[plan.status as keyof typeof PLAN_STATUSES] ?? plan.status}，不能再次审批`,
      );
    }
    if (plan.version !== version) {
      throw new AppError("version_conflict", "方案已被修改，请刷新后重新审核");
    }
    if (plan.preparedBy === actor.userId) {
      throw forbidden("制单人不能审批自己编制的方案（须由另一名工作人员审核）");
    }
    if (plan.correctsPlanId !== null) {
      const old = await repo.lockPlan(tx, plan.correctsPlanId);
      if (!old || old.status !== "approved" || old.movementId === null) {
        throw new AppError(
          "invalid_state",
          "被更正的方案已被其他方案更正或尚未下达",
        );
      }
      const reversal = await reverseMovement(tx, {
        book: ALLOCATION_BOOK,
        movementId: old.movementId,
        kind: "reverse",
        valueDate: today,
        memo: `更正方案 #${plan.id} 冲回`,
        actorId: actor.userId,
      });
      const superseded = await repo.updatePlan(tx, old.id, {
        status: "superseded",
        supersededBy: plan.id,
        reversalMovementId: reversal.id,
      });
      await recordAudit(tx, ctx, {
        action: "allocation_plan.supersede",
        objectType: "allocation_plan",
        objectId: old.id,
        before: { status: old.status },
        after: {
          status: superseded.status,
          supersededBy: plan.id,
          reversalMovementId: reversal.id,
        },
      });
    }
    const lines = (await repo.linesOf(tx, [plan.id])).filter(
      (l) => l.amountFen > 0,
    );
    const posted = await postMovement(tx, {
      book: ALLOCATION_BOOK,
      kind: "allocate",
      valueDate: today,
      idempotencyKey: `allocation-plan-${plan.id}`,
      memo: plan.name,
      actorId: actor.userId,
      entries: [
        {
          account: { kind: "appropriation", scope: plan.year },
          amountFen: -plan.totalFen,
        },
        ...lines.map((l) => ({
          account: {
            kind: "district_budget" as const,
            scope: plan.year,
            owner: { type: "district", id: l.districtId },
          },
          amountFen: l.amountFen,
        })),
      ],
    });
    const row = await repo.updatePlan(tx, plan.id, {
      status: "approved",
      approvedBy: actor.userId,
      approvedAt: new Date(),
      approvedOn: today,
      movementId: posted.id,
    });
    await recordAudit(tx, ctx, {
      action: "allocation_plan.approve",
      objectType: "allocation_plan",
      objectId: plan.id,
      before: { status: plan.status },
      after: { status: row.status, approvedOn: today, movementId: posted.id },
    });
  });
  return getPlan(db, actor, id);
}

async function present(
  db: Executor,
  actor: Actor,
  plans: repo.PlanRow[],
  scope: { districtId: number | null },
) {
  const [districts, lines, names] = await Promise.all([
    repo.allDistricts(db),
    repo.linesOf(
      db,
      plans.map((p) => p.id),
    ),
    repo.userNames(
      db,
      plans.flatMap((p) => [
        p.preparedBy,
        ...(p.approvedBy ? [p.approvedBy] : []),
      ]),
    ),
  ]);
  const byId = new Map(districts.map((d) => [d.id, d]));
  const order = new Map(districts.map((d, i) => [d.id, i]));
  const ref = (id: number | null) =>
    id === null ? null : { id, name: names.get(id) ?? `#${id}` };
  return plans.map((p) => {
    const own = lines
      .filter(
        (l) =>
          l.planId === p.id &&
          (scope.districtId === null || l.districtId === scope.districtId),
      )
      .sort((a, b) => order.get(a.districtId)! - order.get(b.districtId)!)
      .map((l) => ({
        ...line({
          code: byId.get(l.districtId)!.code,
          name: byId.get(l.districtId)!.name,
          share: l.share,
          amountFen: l.amountFen,
        }),
        values: l.values,
      }));
    return {
      id: p.id,
      name: p.name,
      year: p.year,
      kind: p.kind,
      kindName: PLAN_KINDS[p.kind as keyof typeof PLAN_KINDS] ?? p.kind,
      status: p.status,
      statusName:
        PLAN_STATUSES[p.status as keyof typeof PLAN_STATUSES] ?? p.status,
      total: fenToYuan(p.totalFen),
      totalFen: p.totalFen,
      preparedBy: ref(p.preparedBy),
      approvedBy: ref(p.approvedBy),
      approvedOn: p.approvedOn,
      correctsPlanId: p.correctsPlanId,
      supersededBy: p.supersededBy,
      version: p.version,
      ownAllocation:
        scope.districtId === null
          ? null
          : own[0]
            ? {
                code: own[0].code,
                name: own[0].name,
                share: own[0].share,
                amountFen: own[0].amountFen,
                amount: own[0].amount,
              }
            : null,
      note: p.note,
      factors: p.factors,
      districts: own,
      booking:
        p.movementId === null
          ? null
          : {
              movementId: p.movementId,
              valueDate: p.approvedOn!,
              reversalMovementId: p.reversalMovementId,
            },
      canApprove:
        p.status === "draft" &&
        isChecker(actor) &&
        p.preparedBy !== actor.userId,
      canEdit: p.status === "draft" && hasRole(actor, "city_officer"),
    };
  });
}

export async function listPlans(
  db: Db,
  actor: Actor,
  q: { year?: number; status?: string },
) {
  const scope = readScope(actor);
  const plans = await repo.listPlans(db, {
    ...q,
    approvedOnly: scope.districtId !== null,
  });
  const items = await present(db, actor, plans, scope);
  return {
    items: items.map(
      ({
        note: _n,
        factors: _f,
        districts: _d,
        booking: _b,
        canApprove: _a,
        canEdit: _e,
        ...s
      }) => s,
    ),
  };
}

export async function getPlan(db: Executor, actor: Actor, id: number) {
  const scope = readScope(actor);
  const plan = await repo.findPlan(db, id);
  if (!plan || (scope.districtId !== null && plan.status === "draft")) {
    throw notFound("分配方案");
  }
  const [item] = await present(db, actor, [plan], scope);
  return item;
}

/** Each district's allocated budget of a year (Σ of approved plans, corrections netted), from the ledger. */
export async function districtBalances(db: Db, actor: Actor, year: number) {
  const scope = readScope(actor);
  const [districts, totals] = await Promise.all([
    repo.allDistricts(db),
    balanceTotals(
      db,
      ALLOCATION_BOOK,
      {
        scope: year,
        kinds: ["district_budget"],
        ...(scope.districtId !== null
          ? { owner: { type: "district", id: scope.districtId } }
          : {}),
      },
      ["owner"],
    ),
  ]);
  const byOwner = new Map(totals.map((t) => [t.owner?.id ?? 0, t.balanceFen]));
  const items = districts
    .filter((d) => scope.districtId === null || d.id === scope.districtId)
    .map((d) => ({
      code: d.code,
      name: d.name,
      balanceFen: byOwner.get(d.id) ?? 0,
      balance: fenToYuan(byOwner.get(d.id) ?? 0),
    }));
  const totalFen = items.reduce((a, i) => a + i.balanceFen, 0);
  return { year, items, totalFen };
}
