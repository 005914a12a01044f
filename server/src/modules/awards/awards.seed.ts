import { asc, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.js";
import {
  awardNominations,
  awardRecords,
  caseEvents,
  cases,
  enterprises,
  organizations,
  users,
} from "../../db/schema/index.js";
import type { RequestContext } from "../../http/context.js";
import { createRandom, type Random } from "../../lib/random.js";
import { recordAuditMany } from "../audit/index.js";
import { insertCallRow } from "../cases/index.js";
import { appendTimeline } from "../timeline/index.js";
import { AWARD_FIELDS, GRADES } from "./awards.schema.js";
import { AWARD_INSTRUMENT } from "./instrument.js";

type Ent = { id: number; name: string; districtId: number };

const TOPICS = [
  "高性能工业互联网边缘计算网关",
  "城市大脑交通信号协同控制系统",
  "新型抗肿瘤靶向药物制备工艺",
  "高效低成本晶硅光伏电池关键技术",
  "大型数据中心液冷节能系统",
  "智能电网故障快速定位装置",
  "水体富营养化生态修复技术",
  "高精度数控机床伺服驱动系统",
  "生物降解医用高分子材料",
  "移动支付安全芯片",
  "工业机器人柔性装配系统",
  "食品安全快速检测试剂盒",
  "钱塘江河口防洪预警平台",
  "新能源汽车电驱动总成",
  "高端医疗影像重建算法",
  "纳米催化材料规模化制备",
  "智慧物流分拣机器人",
  "茶叶精深加工关键技术",
  "城市地下管网智能巡检",
  "云计算虚拟化安全平台",
  "磁悬浮离心鼓风机",
  "微创手术器械关键技术",
  "高性能碳纤维复合材料",
  "分布式光纤传感监测系统",
  "数字电视信源编码芯片",
  "农业物联网精准灌溉系统",
  "特种功能薄膜材料",
  "锂离子电池正极材料",
  "人工智能语音交互平台",
  "大跨度钢结构施工技术",
];
const UNIVERSITIES = [
  "浙江大学",
  "浙江工业大学",
  "杭州电子科技大学",
  "中国计量大学",
  "浙江理工大学",
  "杭州师范大学",
];
const SURNAMES = [
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
];
const GIVEN = [
  "伟",
  "芳",
  "敏",
  "静",
  "强",
  "磊",
  "洋",
  "勇",
  "军",
  "杰",
  "涛",
  "明",
  "建华",
  "志强",
  "晓东",
];
const person = (r: Random) => `${r.pick(SURNAMES)}${r.pick(GIVEN)}`;

/** 2015 (INDICATORS.md): national S&T progress first class 2, second class 4; provincial 24 — and plausible earlier years. */
const RECORD_PLAN: {
  year: number;
  nationalFirst: number;
  nationalSecond: number;
  provincial: [number, number, number];
}[] = [
  { year: 2013, nationalFirst: 0, nationalSecond: 5, provincial: [2, 7, 11] },
  { year: 2014, nationalFirst: 1, nationalSecond: 3, provincial: [3, 6, 13] },
  { year: 2015, nationalFirst: 2, nationalSecond: 4, provincial: [3, 8, 13] },
];

/**
 * The awards' demo data: national and provincial award records 2013–2015 reproducing 2015's 2 / 4 / 24,
 * the city award's 2015 round decided (calls, cases with their events, grades and certificates) and
 * the 2016 round open at the business date with nominations in the states before the panel and after it.
 */
export async function seedAwards({
  tx,
  ctx,
}: {
  tx: Tx;
  ctx: RequestContext;
}): Promise<void> {
  const rnd = createRandom(20151119);
  const ents: Ent[] = await tx
    .select({
      id: enterprises.id,
      name: enterprises.name,
      districtId: enterprises.districtId,
    })
    .from(enterprises)
    .orderBy(asc(enterprises.id))
    .limit(400);
  const [demo] = await tx
    .select({ enterpriseId: organizations.enterpriseId })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.username, "enterprise"));
  const pool = ents.filter((e) => e.id !== demo?.enterpriseId);
  let topic = 0;
  const nextTopic = () => TOPICS[topic++ % TOPICS.length];

  // ── national and provincial records ──
  const records: (typeof awardRecords.$inferInsert)[] = [];
  for (const p of RECORD_PLAN) {
    const add = (
      level: "national" | "provincial",
      grade: "first" | "second" | "third",
      i: number,
    ) => {
      const special =
        p.year === 2015 && level === "national" && grade === "first" && i === 0;
      const e = rnd.pick(pool);
      records.push({
        level,
        category: "progress",
        grade,
        year: p.year,
        projectTitle: special
          ? "小分子靶向抗癌药盐酸埃克替尼开发研究、产业化和推广应用"
          : `${nextTopic()}${level === "national" ? "研究与产业化" : "关键技术及应用"}${p.year}`,
        units: special
          ? ["贝达药业股份有限公司", "浙江大学"]
          : [e.name, rnd.pick(UNIVERSITIES)],
        enterpriseId: special ? null : e.id,
        districtId: special ? null : e.districtId,
        documentNo:
          level === "national"
            ? `国发〔${p.year + 1}〕${rnd.int(1, 9)}号`
            : `浙政发〔${p.year + 1}〕${rnd.int(10, 40)}号`,
        awardedOn:
          level === "national"
            ? `${p.year + 1}-01-08`
            : `${p.year + 1}-0${rnd.int(3, 5)}-1${rnd.int(0, 9)}`,
      });
    };
    for (let i = 0; i < p.nationalFirst; i++) {
      add("national", "first", i);
    }
    for (let i = 0; i < p.nationalSecond; i++) {
      add("national", "second", i);
    }
    p.provincial.forEach((n, g) => {
      for (let i = 0; i < n; i++) {
        add("provincial", (["first", "second", "third"] as const)[g], i);
      }
    });
  }
  const inserted = await tx
    .insert(awardRecords)
    .values(records)
    .returning({ id: awardRecords.id });

  // ── the city award: the 2015 round decided, the 2016 round under way ──
  const call2015 = await insertCallRow(tx, {
    instrument: AWARD_INSTRUMENT,
    type: "progress",
    year: 2015,
    batch: 1,
    title: "2015年度杭州市科学技术进步奖评选",
    opensOn: "2015-04-01",
    closesOn: "2015-05-31",
    description: "依据《杭州市科学技术进步奖励办法》及实施细则组织评选。",
  });
  const call2016 = await insertCallRow(tx, {
    instrument: AWARD_INSTRUMENT,
    type: "progress",
    year: 2016,
    batch: 1,
    title: "2016年度杭州市科学技术进步奖评选",
    opensOn: "2016-08-15",
    closesOn: "2016-10-31",
    description:
      "由完成单位填报，提名单位盖章推荐；形式审查、专家评审、公示后授奖。",
  });

  type Plan = {
    year: number;
    status: string;
    path: string[];
    grade?: keyof typeof GRADES;
    proposed?: keyof typeof GRADES;
    score?: number;
    ent: Ent;
    comment?: string;
  };
  const plans: Plan[] = [];
  const g2015: (keyof typeof GRADES)[] = [
    "first",
    "first",
    "second",
    "second",
    "second",
    "second",
    "third",
    "third",
    "third",
    "third",
    "third",
    "third",
  ];
  const full = [
    "submit",
    "formal_pass",
    "draw_panel",
    "panel_scored",
    "publish",
  ];
  g2015.forEach((grade) =>
    plans.push({
      year: 2015,
      status: "awarded",
      path: [...full, "award"],
      grade,
      proposed: grade,
      score:
        grade === "first"
          ? rnd.int(88, 95)
          : grade === "second"
            ? rnd.int(80, 87)
            : rnd.int(72, 79),
      ent: rnd.pick(pool),
    }),
  );
  plans.push({
    year: 2015,
    status: "rejected",
    path: [...full, "decline"],
    score: 68,
    ent: rnd.pick(pool),
    comment: "公示期间收到实名异议，经核实成果应用证明材料不实",
  });
  plans.push({
    year: 2015,
    status: "rejected",
    path: ["submit", "formal_reject"],
    ent: rnd.pick(pool),
    comment: "成果完成时间不满两年，不符合提名条件",
  });
  const s2016: [string, string[], Partial<Plan>?][] = [
    ["draft", []],
    ["draft", []],
    ["submitted", ["submit"]],
    ["submitted", ["submit"]],
    ["submitted", ["submit"]],
    ["formal_passed", ["submit", "formal_pass"]],
    ["formal_passed", ["submit", "formal_pass"]],
    ["formal_passed", ["submit", "formal_pass"]],
    [
      "rejected",
      ["submit", "formal_reject"],
      { comment: "未提供第三方检测报告和应用证明" },
    ],
    [
      "scored",
      ["submit", "formal_pass", "draw_panel", "panel_scored"],
      { score: 86.4, proposed: "second" },
    ],
    [
      "scored",
      ["submit", "formal_pass", "draw_panel", "panel_scored"],
      { score: 78.2 },
    ],
  ];
  for (const [status, path, extra] of s2016) {
    plans.push({ year: 2016, status, path, ent: rnd.pick(pool), ...extra });
  }
  if (demo?.enterpriseId) {
    const e = ents.find((x) => x.id === demo.enterpriseId)!;
    plans.push({
      year: 2016,
      status: "returned",
      path: ["submit", "formal_return"],
      ent: e,
      comment: "完成人排序与推荐书不一致，请核对后重新提交",
    });
  }
  // one live nomination per enterprise and call
  const seen = new Set<string>();
  for (const p of plans) {
    while (seen.has(`${p.year}:${p.ent.id}`)) {
      p.ent = rnd.pick(pool);
    }
    seen.add(`${p.year}:${p.ent.id}`);
  }

  const caseRows = await tx
    .insert(cases)
    .values(
      plans.map((p) => ({
        instrument: AWARD_INSTRUMENT,
        type: "progress",
        year: p.year,
        title: `${nextTopic()}${p.year === 2016 ? "研发及产业化" : "关键技术研究与应用"}`,
        callId: (p.year === 2015 ? call2015 : call2016)!.id,
        enterpriseId: p.ent.id,
        districtId: p.ent.districtId,
        status: p.status,
        dueOn:
          p.year === 2016
            ? ((
                {
                  submitted: "2016-09-26",
                  formal_passed: "2016-09-19",
                  scored: "2016-09-26",
                } as Record<string, string>
              )[p.status] ?? null)
            : null,
        panelScore: p.score !== undefined ? p.score.toFixed(2) : null,
        submittedAt: p.path.length
          ? new Date(
              `${p.year}-${p.year === 2015 ? "05-20" : "08-29"}T02:00:00Z`,
            )
          : null,
        decidedAt:
          p.status === "awarded" || p.path.includes("decline")
            ? new Date("2015-11-19T02:00:00Z")
            : null,
      })),
    )
    .returning({ id: cases.id });
  const seq: Record<string, number> = {};
  await tx.insert(awardNominations).values(
    plans.map((p, i) => {
      const cert = p.grade
        ? `杭科进奖${p.year}-${{ first: 1, second: 2, third: 3 }[p.grade]}-${String((seq[p.grade] = (seq[p.grade] ?? 0) + 1)).padStart(3, "0")}`
        : null;
      return {
        id: caseRows[i].id,
        achievement: `项目围绕${AWARD_FIELDS[i % AWARD_FIELDS.length]}领域的关键共性技术，突破了核心部件设计、工艺集成和规模化应用等难题，形成发明专利${rnd.int(3, 15)}件、软件著作权${rnd.int(1, 8)}项，主要技术指标达到国内领先水平。`,
        field: AWARD_FIELDS[i % AWARD_FIELDS.length],
        summary: `近三年新增销售收入${rnd.int(8000, 90000)}万元，新增利税${rnd.int(800, 9000)}万元，成果在省内外${rnd.int(10, 200)}家单位推广应用。`,
        completers: [0, 1, 2].map((k) => ({
          name: person(rnd),
          unit: k === 2 ? rnd.pick(UNIVERSITIES) : p.ent.name,
          contribution: [
            "项目总体方案设计和技术路线制定",
            "关键工艺研发与产业化实施",
            "核心算法与测试验证",
          ][k],
        })),
        nominatingUnit: `${rnd.pick(["区科技局", "市经信委", "市卫计委", "市农办"])}`,
        proposedGrade: p.proposed ?? null,
        grade: p.grade ?? null,
        certificateNo: cert,
        awardedOn: p.grade ? "2015-11-19" : null,
      };
    }),
  );
  // the case events of each path (dates along the round)
  const names: Record<string, [string, string | null, string]> = {
    submit: ["submitted", null, "申报单位"],
    formal_pass: ["formal_passed", null, "王科长（杭州市科学技术委员会）"],
    formal_return: ["returned", null, "王科长（杭州市科学技术委员会）"],
    formal_reject: ["rejected", null, "王科长（杭州市科学技术委员会）"],
    draw_panel: ["expert_review", null, "王科长（杭州市科学技术委员会）"],
    panel_scored: ["scored", null, "评审专家组"],
    publish: ["in_notice", null, "王科长（杭州市科学技术委员会）"],
    award: ["awarded", null, "王科长（杭州市科学技术委员会）"],
    decline: ["rejected", null, "王科长（杭州市科学技术委员会）"],
  };
  const dates2015 = [
    "2015-05-20",
    "2015-06-10",
    "2015-07-06",
    "2015-08-14",
    "2015-10-26",
    "2015-11-19",
  ];
  const dates2016 = [
    "2016-08-29",
    "2016-09-05",
    "2016-09-06",
    "2016-09-09",
    "2016-09-12",
    "2016-09-12",
  ];
  const events: (typeof caseEvents.$inferInsert)[] = [];
  plans.forEach((p, i) => {
    const dates = p.year === 2015 ? dates2015 : dates2016;
    events.push({
      caseId: caseRows[i].id,
      action: "create",
      fromStatus: null,
      toStatus: "draft",
      comment: null,
      actorId: null,
      actorLabel: p.ent.name,
      occurredAt: new Date(
        `${p.year === 2015 ? "2015-05-10" : "2016-08-22"}T02:00:00Z`,
      ),
    });
    let from = "draft";
    p.path.forEach((a, k) => {
      const [to, , label] = names[a];
      const needs =
        a === "formal_return" || a === "formal_reject" || a === "decline";
      events.push({
        caseId: caseRows[i].id,
        action: a,
        fromStatus: from,
        toStatus: to,
        comment: needs ? (p.comment ?? null) : null,
        actorId: null,
        actorLabel: a === "submit" ? p.ent.name : label,
        occurredAt: new Date(
          `${dates[Math.min(k, dates.length - 1)]}T0${3 + k}:00:00Z`,
        ),
      });
      from = to;
    });
  });
  await tx.insert(caseEvents).values(events);
  const awarded = plans.flatMap((p, i) =>
    p.grade ? [{ p, id: caseRows[i].id }] : [],
  );
  await appendTimeline(
    tx,
    awarded.map(({ p, id }) => ({
      enterpriseId: p.ent.id,
      module: AWARD_INSTRUMENT,
      kind: "award",
      title: `获${p.year}年度杭州市科学技术进步奖${GRADES[p.grade!]}`,
      refType: "award_nomination",
      refId: id,
    })),
  );
  await recordAuditMany(tx, ctx, [
    ...inserted.map((r) => ({
      action: "award_record.create",
      objectType: "award_record",
      objectId: r.id,
    })),
    ...caseRows.map((c, i) => ({
      action: "award_nomination.create",
      objectType: "award_nomination",
      objectId: c.id,
      after: { status: plans[i].status },
    })),
  ]);
}
