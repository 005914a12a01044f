import type { Executor } from "../../db/client.js";
import { AppError } from "../../http/errors.js";
import {
  registerInstrument,
  type CaseRow,
  type DecisionOutcome,
} from "../cases/index.js";
import { GRADES } from "./awards.schema.js";
import * as repo from "./awards.repo.js";

export const AWARD_INSTRUMENT = "awards";
const gradeNo = { first: 1, second: 2, third: 3 } as const;

/** The expert panel's score sheet of the city's S&T progress award (itemised, 100 points). */
export const AWARD_SCORE_ITEMS = [
  {
    code: "innovation",
    label: "技术创新程度",
    group: "评审指标",
    band: null,
    min: 0,
    max: 30,
  },
  {
    code: "advanced",
    label: "技术经济指标的先进程度",
    group: "评审指标",
    band: null,
    min: 0,
    max: 25,
  },
  {
    code: "benefit",
    label: "经济效益和社会效益",
    group: "评审指标",
    band: null,
    min: 0,
    max: 30,
  },
  {
    code: "progress",
    label: "推动行业科技进步的作用",
    group: "评审指标",
    band: null,
    min: 0,
    max: 15,
  },
];

async function detailOf(db: Executor, c: CaseRow) {
  const d = await repo.findNomination(db, c.id);
  if (!d) {
    throw new AppError("not_found", "提名不存在");
  }
  return d;
}

/** The next certificate number of a year and grade: 杭科进奖2016-2-005 (unique in the database). */
export async function nextCertificateNo(
  db: Executor,
  year: number,
  grade: keyof typeof GRADES,
): Promise<string> {
  const prefix = `杭科进奖${year}-${gradeNo[grade]}-`;
  const n = await repo.countCertificates(db, prefix);
  return `${prefix}${String(n + 1).padStart(3, "0")}`;
}

/**
 * 杭州市科学技术进步奖 on the case kernel: nomination by a unit → formal check → expert panel (its
 * own score sheet) → the bureau sets the proposed grade → public notice → decision with the grade
 * and a certificate number.
 */
export const awardsInstrument = registerInstrument({
  code: AWARD_INSTRUMENT,
  name: "杭州市科学技术进步奖",
  objectType: "award_nomination",
  types: { progress: "市科学技术进步奖" },
  statuses: {
    draft: { name: "草稿", next: "提名单位提交" },
    returned: { name: "退回修改", next: "提名单位修改后重新提交" },
    submitted: { name: "待形式审查", next: "市科委形式审查", stepDays: 10 },
    formal_passed: {
      name: "待抽取评审专家",
      next: "市科委抽取评审专家",
      stepDays: 5,
    },
    expert_review: { name: "专家评审中", next: "评审专家打分", stepDays: 10 },
    scored: {
      name: "评审完成",
      next: "市科委确定拟授奖等级并公示",
      stepDays: 10,
    },
    in_notice: { name: "公示中", next: "公示期满后授奖" },
    awarded: { name: "已授奖", next: null },
    rejected: { name: "未获奖", next: null },
  },
  initialStatus: "draft",
  transitions: {
    submit: {
      name: "提交提名",
      from: ["draft", "returned"],
      to: "submitted",
      roles: ["enterprise_user"],
    },
    formal_pass: {
      name: "形式审查通过",
      from: ["submitted"],
      to: "formal_passed",
      roles: ["city_officer"],
    },
    formal_return: {
      name: "形式审查退回",
      from: ["submitted"],
      to: "returned",
      roles: ["city_officer"],
      needsComment: true,
    },
    formal_reject: {
      name: "形式审查不通过",
      from: ["submitted"],
      to: "rejected",
      roles: ["city_officer"],
      needsComment: true,
    },
    draw_panel: {
      name: "抽取评审专家",
      from: ["formal_passed"],
      to: "expert_review",
      roles: ["city_officer"],
    },
    panel_scored: {
      name: "专家评审完成",
      from: ["expert_review"],
      to: "scored",
      roles: [],
      bySystem: true,
      systemLabel: "评审专家组",
    },
    publish: {
      name: "进入公示",
      from: ["scored"],
      to: "in_notice",
      roles: ["city_officer"],
    },
    award: {
      name: "授奖",
      from: ["in_notice"],
      to: "awarded",
      roles: ["city_officer"],
    },
    decline: {
      name: "不予授奖",
      from: ["in_notice"],
      to: "rejected",
      roles: ["city_officer"],
      needsComment: true,
    },
  },
  href: (c, audience) =>
    audience === "expert"
      ? `/expert/assignments?application=${c.id}`
      : `/awards/nominations/${c.id}`,
  panel: {
    readyStatus: "formal_passed",
    reviewStatus: "expert_review",
    drawAction: "draw_panel",
    scoredAction: "panel_scored",
    rules: () => ({
      size: 5,
      minTechnicalRatio: 0.6,
      minFinance: 1,
      loadCap: 12,
    }),
    required: async () => true,
    preferFields: async (db, c) => [(await detailOf(db, c)).field],
    scoreSheet: async () => ({
      mode: "items",
      items: AWARD_SCORE_ITEMS,
      maxTotal: 100,
      assessment: null,
    }),
    expertView: async (db, c) => {
      const d = await detailOf(db, c);
      return {
        data: {
          title: c.title,
          field: d.field,
          achievement: d.achievement,
          summary: d.summary,
          units: [...new Set(d.completers.map((x) => x.unit))],
          nominatingUnit: d.nominatingUnit,
        },
        applicationDate: null,
      };
    },
  },
  notice: {
    publishAction: "publish",
    approveAction: "award",
    declineAction: "decline",
    workingDays: () => 7,
    ready: async (db, c) =>
      c.status === "scored" && (await detailOf(db, c)).proposedGrade !== null,
    readyLabel: async () => "评审完成并已确定拟授奖等级",
    summary: async (db, c) => {
      const g = (await detailOf(db, c)).proposedGrade as
        keyof typeof GRADES | null;
      return `市科学技术进步奖${g ? `（拟授${GRADES[g]}）` : ""}`;
    },
    typeHasPanel: async () => true,
  },
  onDecision: async (tx, _ctx, c, { today }): Promise<DecisionOutcome> => {
    const d = await detailOf(tx, c);
    const grade = d.proposedGrade as keyof typeof GRADES | null;
    if (!grade) {
      throw new AppError("invalid_state", "请先确定拟授奖等级");
    }
    const certificateNo = await nextCertificateNo(tx, c.year, grade);
    await repo.setAward(tx, c.id, { grade, certificateNo, awardedOn: today });
    return {
      reference: certificateNo,
      detail: { grade, gradeName: GRADES[grade], certificateNo },
    };
  },
});
