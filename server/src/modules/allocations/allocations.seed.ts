import { eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { users } from "../../db/schema/index.js";
import type { RequestContext } from "../../http/context.js";
import { createRandom } from "../../lib/random.js";
import { recordAuditMany } from "../audit/index.js";
import { postMovement } from "../ledger/index.js";
import * as repo from "./allocations.repo.js";
import type { PlanInput } from "./allocations.schema.js";
import { ALLOCATION_BOOK, compute } from "./allocations.service.js";
import { formatDecimal, parseDecimal } from "./factor-method.js";

/** Relative size of each district's S&T base (R&D, new high-tech enterprises, tech SMEs). */
const SIZE: Record<string, number> = {
  "330102": 5,
  "330103": 6,
  "330104": 8,
  "330105": 6,
  "330106": 16,
  "330108": 20,
  "330109": 12,
  "330110": 15,
  "330111": 4,
  "330122": 2,
  "330127": 1,
  "330182": 2,
  "330185": 3,
};
const CITY_FACTORS = [
  { code: "rd", name: "全社会研发投入（亿元）", weight: "0.35" },
  { code: "hnte", name: "新认定高新技术企业（家）", weight: "0.25" },
  { code: "sme", name: "新增科技型中小企业（家）", weight: "0.2" },
  { code: "perf", name: "上年度科技资金绩效评价得分", weight: "0.2" },
];

/**
 * Factor-method plans of the demo: the city's S&T funds of 2015 and 2016 and the 2016 central
 * demonstration-city funds (competitive, the districts' scores as a factor) approved and booked;
 * a 2016 supplementary plan as a draft waiting for its checker.
 */
export async function seedAllocations({
  tx,
  ctx,
}: {
  tx: Tx;
  ctx: RequestContext;
}): Promise<void> {
  const rnd = createRandom(20160412);
  const [officer] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, "officer"));
  const [checker] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, "treasurer"));
  if (!officer) {
    return;
  }
  const districts = await repo.allDistricts(tx);
  const cityValues = (year: number) =>
    districts.map((d) => {
      const k = SIZE[d.code] ?? 3;
      const grow = year === 2016 ? 1.12 : 1;
      return {
        code: d.code,
        values: {
          rd: Math.round(k * 6.1 * grow * (0.9 + rnd.next() * 0.2) * 100) / 100,
          hnte: Math.round(k * 7 * grow * (0.8 + rnd.next() * 0.4)),
          sme: Math.round(k * 30 * grow * (0.8 + rnd.next() * 0.4)),
          perf: rnd.int(78, 96),
        },
      };
    });
  const demoDistricts = [
    "330106",
    "330108",
    "330110",
    "330109",
    "330104",
    "330105",
  ];
  const plans: { input: PlanInput; approvedOn: string | null }[] = [
    {
      input: {
        name: "2015年度市科技发展专项资金因素法切块",
        year: 2015,
        kind: "city_funds",
        total: 72_000_000,
        factors: CITY_FACTORS,
        districts: cityValues(2015),
        note: "按《杭州市科技发展资金使用管理暂行办法》切块下达各区、县（市）。",
      },
      approvedOn: "2015-04-17",
    },
    {
      input: {
        name: "2016年度市科技发展专项资金因素法切块",
        year: 2016,
        kind: "city_funds",
        total: 86_000_000,
        factors: CITY_FACTORS,
        districts: cityValues(2016),
        note: "通过因素法分配资金到各区、县（市），一般项目依托区县（市）科技管理部门组织。",
      },
      approvedOn: "2016-04-12",
    },
    {
      input: {
        name: "2016年度小微企业创业创新基地城市示范中央财政资金竞争性分配",
        year: 2016,
        kind: "demonstration",
        total: 30_000_000,
        factors: [
          { code: "score", name: "竞争性评审得分", weight: "0.6" },
          { code: "bases", name: "小微企业创业创新基地（个）", weight: "0.4" },
        ],
        districts: demoDistricts.map((code) => ({
          code,
          values: {
            score: rnd.int(72, 95) + rnd.int(0, 9) / 10,
            bases: rnd.int(3, 14),
          },
        })),
        note: "各区按示范城市建设方案申报，经竞争性评审后以得分为主要因素分配。",
      },
      approvedOn: "2016-06-20",
    },
    {
      input: {
        name: "2016年度市科技发展专项资金第二批切块（农业与社会发展科研）",
        year: 2016,
        kind: "city_funds",
        total: 12_500_000,
        factors: [
          { code: "agri", name: "农业科技项目数", weight: "0.5" },
          { code: "social", name: "社会发展科研项目数", weight: "0.5" },
        ],
        districts: districts.map((d) => ({
          code: d.code,
          values: { agri: rnd.int(2, 20), social: rnd.int(1, 15) },
        })),
        note: "待计划财务处复核。",
      },
      approvedOn: null,
    },
  ];
  const ids: number[] = [];
  for (const p of plans) {
    const { totalFen, lines } = await compute(tx, p.input);
    const approved = p.approvedOn !== null && checker;
    const plan = await repo.insertPlan(tx, {
      name: p.input.name,
      year: p.input.year,
      kind: p.input.kind,
      totalFen,
      factors: p.input.factors.map((f) => ({
        ...f,
        weight: formatDecimal(parseDecimal(f.weight)!),
      })),
      note: p.input.note ?? null,
      correctsPlanId: null,
      preparedBy: officer.id,
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
    if (approved) {
      const posted = await postMovement(tx, {
        book: ALLOCATION_BOOK,
        kind: "allocate",
        valueDate: p.approvedOn!,
        idempotencyKey: `allocation-plan-${plan.id}`,
        memo: plan.name,
        actorId: checker.id,
        entries: [
          {
            account: { kind: "appropriation", scope: plan.year },
            amountFen: -totalFen,
          },
          ...lines
            .filter((l) => l.amountFen > 0)
            .map((l) => ({
              account: {
                kind: "district_budget" as const,
                scope: plan.year,
                owner: { type: "district", id: l.districtId },
              },
              amountFen: l.amountFen,
            })),
        ],
      });
      await repo.updatePlan(tx, plan.id, {
        status: "approved",
        approvedBy: checker.id,
        approvedAt: new Date(`${p.approvedOn}T06:00:00Z`),
        approvedOn: p.approvedOn,
        movementId: posted.id,
      });
    }
    ids.push(plan.id);
  }
  await recordAuditMany(
    tx,
    ctx,
    ids.map((id) => ({
      action: "allocation_plan.create",
      objectType: "allocation_plan",
      objectId: id,
    })),
  );
}
