import { asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import { enterprises, matchingPolicies, users } from "../../db/schema/index.js";
import type { RequestContext } from "../../http/context.js";
import { createRandom } from "../../lib/random.js";
import { balances, postMovement } from "../ledger/index.js";
import { MATCHING_BOOK, registerProjectTx } from "./matching.service.js";

const PROGRAMMES = {
  national: [
    "国家重点研发计划",
    "国家科技支撑计划",
    "国家高技术研究发展计划（863计划）",
    "国家科技型中小企业技术创新基金",
  ],
  provincial: ["省重大科技专项", "省重点研发计划", "省公益技术应用研究计划"],
} as const;
const TOPICS = [
  "智能制造关键装备",
  "新型显示材料",
  "精准医疗诊断试剂",
  "工业大数据平台",
  "高效储能电池",
  "城市水环境治理",
  "数字安防芯片",
  "生物医药创制",
  "现代农业装备",
  "新能源汽车电控",
];

/**
 * Matching-fund demo data: the policy (2014 version, revised 2015 by 《国家、省科技项目杭州市本级财政科技配套资金管理办法》),
 * national and provincial projects 2014–2016 with their promises, the older ones paid (history).
 */
export async function seedMatching({
  tx,
  ctx,
}: {
  tx: Tx;
  ctx: RequestContext;
}): Promise<void> {
  const rnd = createRandom(20150601);
  const [officer] = await tx
    .select({ id: users.id })
    .from(users)
    .where(eq(users.username, "officer"));
  await tx.insert(matchingPolicies).values([
    {
      level: "national",
      ratio: "0.3",
      capFen: 1_000_000_00,
      effectiveFrom: "2014-01-01",
      documentNo: "杭科计〔2013〕188号",
      createdBy: officer?.id ?? null,
    },
    {
      level: "provincial",
      ratio: "0.2",
      capFen: 500_000_00,
      effectiveFrom: "2014-01-01",
      documentNo: "杭科计〔2013〕188号",
      createdBy: officer?.id ?? null,
    },
    {
      level: "national",
      ratio: "0.5",
      capFen: 2_000_000_00,
      effectiveFrom: "2015-07-01",
      documentNo: "杭财教〔2015〕79号",
      createdBy: officer?.id ?? null,
    },
    {
      level: "provincial",
      ratio: "0.3",
      capFen: 1_000_000_00,
      effectiveFrom: "2015-07-01",
      documentNo: "杭财教〔2015〕79号",
      createdBy: officer?.id ?? null,
    },
  ]);
  const ents = await tx
    .select({ id: enterprises.id })
    .from(enterprises)
    .orderBy(asc(enterprises.id))
    .limit(600);
  const plans: { level: "national" | "provincial"; approvedOn: string }[] = [];
  for (const [year, n] of [
    [2014, 10],
    [2015, 14],
    [2016, 9],
  ] as const) {
    for (let i = 0; i < n; i++) {
      plans.push({
        level: rnd.next() < 0.35 ? "national" : "provincial",
        approvedOn: `${year}-${String(rnd.int(1, year === 2016 ? 8 : 12)).padStart(2, "0")}-${String(rnd.int(1, 28)).padStart(2, "0")}`,
      });
    }
  }
  for (const [i, p] of plans.entries()) {
    const ent = ents[10 + i * 13];
    const external =
      p.level === "national"
        ? rnd.int(80, 600) * 10_000
        : rnd.int(30, 300) * 10_000;
    const id = await registerProjectTx(
      tx,
      ctx,
      {
        level: p.level,
        sourceProgramme: rnd.pick(PROGRAMMES[p.level]),
        title: `${rnd.pick(TOPICS)}研发与产业化示范`,
        approvalDocNo: `${p.level === "national" ? "国科发计" : "浙科发计"}〔${p.approvedOn.slice(0, 4)}〕${rnd.int(10, 300)}号`,
        enterpriseId: ent.id,
        external,
        approvedOn: p.approvedOn,
      },
      officer?.id ?? null,
    );
    // history: projects approved before 2016 were paid in full (before the payment desk existed)
    if (p.approvedOn < "2016-01-01") {
      await payHistory(tx, id, ent.id, p.approvedOn);
    }
  }
}

async function payHistory(
  tx: Tx,
  projectId: number,
  enterpriseId: number,
  approvedOn: string,
): Promise<void> {
  const [b] = await balances(tx, MATCHING_BOOK, {
    scope: projectId,
    kinds: ["promised"],
  });
  if (!b || b.balanceFen === 0) {
    return;
  }
  const paidOn = `${Number(approvedOn.slice(0, 4)) + (approvedOn.slice(5, 7) > "06" ? 1 : 0)}-${approvedOn.slice(5, 7) > "06" ? "03" : "11"}-15`;
  await postMovement(tx, {
    book: MATCHING_BOOK,
    kind: "pay",
    valueDate: paidOn,
    idempotencyKey: `matching-history-${projectId}`,
    entries: [
      {
        account: { kind: "promised", scope: projectId },
        amountFen: -b.balanceFen,
      },
      {
        account: {
          kind: "paid",
          scope: projectId,
          owner: { type: "enterprise", id: enterpriseId },
        },
        amountFen: b.balanceFen,
      },
    ],
  });
}
