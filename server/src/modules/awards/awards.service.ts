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
import { recordAudit } from "../audit/index.js";
import {
  assertCallOpen,
  insertCallRow,
  listCallRows,
  lockCase,
  moveCase,
  openCase,
  presentCall,
} from "../cases/index.js";
import * as repo from "./awards.repo.js";
import {
  ACTIONS,
  CATEGORIES,
  GRADES,
  LEVELS,
  RECORD_GRADES,
  type NominationInput,
  type RecordInput,
} from "./awards.schema.js";
import { AWARD_INSTRUMENT, awardsInstrument } from "./instrument.js";
import { awardUnits, renderAwardCertificate } from "./certificate.js";

const CITY_READERS: readonly string[] = [
  "city_officer",
  "city_admin",
  "auditor",
  "finance_officer",
];
const isCity = (a: Actor) => a.roles.some((r) => CITY_READERS.includes(r));

/** Who sees which nominations: the bureau all, a district its own, an enterprise its own; others none. */
function scopeOf(a: Actor): { districtId?: number; enterpriseId?: number } {
  if (isCity(a)) {
    return {};
  }
  if (hasRole(a, "district_officer") && a.districtId !== null) {
    return { districtId: a.districtId };
  }
  if (hasRole(a, "enterprise_user") && a.enterpriseId !== null) {
    return { enterpriseId: a.enterpriseId };
  }
  throw forbidden("无权查看科技进步奖提名");
}

const num = (v: string | null) => (v === null ? null : Number(v));
function presentSummary(n: repo.NominationView) {
  const st = awardsInstrument.statuses[n.status];
  const grade = n.grade as keyof typeof GRADES | null;
  return {
    id: n.id,
    year: n.year,
    title: n.title,
    field: n.field,
    enterpriseId: n.enterpriseId,
    enterpriseName: n.enterpriseName,
    districtName: n.districtName,
    nominatingUnit: n.nominatingUnit,
    status: n.status,
    statusName: st?.name ?? n.status,
    next: st?.next ?? null,
    dueOn: n.dueOn,
    panelScore: num(n.panelScore),
    proposedGrade: n.proposedGrade,
    grade: n.grade,
    gradeName: grade ? GRADES[grade] : null,
    certificateNo: n.certificateNo,
    version: n.version,
  };
}

export async function listNominations(
  db: Db,
  actor: Actor,
  q: { year?: number; status?: string },
) {
  const rows = await repo.listNominations(db, { ...q, ...scopeOf(actor) });
  return { items: rows.map(presentSummary) };
}

/** The award certificate (Word) of an awarded nomination, for whoever reads the nomination. */
export async function nominationCertificate(db: Executor, actor: Actor, id: number) {
  const [n] = await repo.listNominations(db, { id, ...scopeOf(actor) });
  if (!n) {
    throw notFound("提名");
  }
  const grade = n.grade as keyof typeof GRADES | null;
  const buffer = await renderAwardCertificate({
    projectTitle: n.title,
    gradeName: grade ? GRADES[grade] : "",
    units: awardUnits(n.enterpriseName ?? n.nominatingUnit, n.completers),
    completers: n.completers,
    certificateNo: n.status === "awarded" ? n.certificateNo : null,
    awardedOn: n.awardedOn,
    year: n.year,
  });
  return { buffer, fileName: `杭州市科学技术进步奖证书-${n.certificateNo}.docx` };
}

export async function getNomination(db: Executor, actor: Actor, id: number) {
  const [n] = await repo.listNominations(db, { id, ...scopeOf(actor) });
  if (!n) {
    throw notFound("提名");
  }
  const events = await repo.eventsOf(db, id);
  const actions = ACTIONS.flatMap((a) => {
    const t = awardsInstrument.transitions[a];
    return t.from.includes(n.status) &&
      t.roles.some((r) => actor.roles.includes(r))
      ? [{ action: a, name: t.name, needsComment: !!t.needsComment }]
      : [];
  });
  return {
    ...presentSummary(n),
    achievement: n.achievement,
    summary: n.summary,
    completers: n.completers,
    awardedOn: n.awardedOn,
    noticeId: n.noticeId,
    events: events.map((e) => ({
      action: e.action,
      name:
        e.action === "create"
          ? "创建提名"
          : (awardsInstrument.transitions[e.action]?.name ?? e.action),
      toStatus: e.toStatus,
      comment: e.comment,
      actorLabel: e.actorLabel,
      occurredAt: e.occurredAt.toISOString(),
    })),
    actions,
  };
}

// ── calls (年度评选通知) ──────────────────────────────────────────────────────────────────────
export async function listCalls(db: Db) {
  const rows = await listCallRows(db, { instrument: AWARD_INSTRUMENT });
  return {
    items: rows.map((c) => {
      const p = presentCall(c);
      return {
        id: p.id,
        year: p.year,
        title: p.title,
        opensOn: p.opensOn,
        closesOn: p.closesOn,
        state: p.stateName,
      };
    }),
  };
}

export async function createCall(
  db: Db,
  ctx: RequestContext,
  input: {
    year: number;
    title: string;
    opensOn: string;
    closesOn: string;
    description?: string | null;
  },
) {
  const actor = actorOf(ctx);
  if (!hasRole(actor, "city_officer")) {
    throw forbidden("只有市科委业务处室可以发布评选通知");
  }
  return db.transaction(async (tx) => {
    const row = await insertCallRow(tx, {
      instrument: AWARD_INSTRUMENT,
      type: "progress",
      year: input.year,
      batch: 1,
      title: input.title,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      description: input.description ?? null,
      createdBy: actor.userId,
    });
    if (!row) {
      throw fieldError("year", `${input.year}年度的评选通知已发布`, "conflict");
    }
    await recordAudit(tx, ctx, {
      action: "award_call.create",
      objectType: "call",
      objectId: row.id,
      after: row,
    });
    const p = presentCall(row);
    return {
      id: p.id,
      year: p.year,
      title: p.title,
      opensOn: p.opensOn,
      closesOn: p.closesOn,
      state: p.stateName,
    };
  });
}

// ── nominations ──────────────────────────────────────────────────────────────────────────────
/** An enterprise's unit nominates its achievement under the open call of the year (a draft until submitted). */
export async function createNomination(
  db: Db,
  ctx: RequestContext,
  input: NominationInput,
) {
  const actor = actorOf(ctx);
  if (!hasRole(actor, "enterprise_user") || actor.enterpriseId === null) {
    throw forbidden("由获奖成果的完成单位（企业用户）填报提名");
  }
  const enterpriseId = actor.enterpriseId;
  const calls = await listCallRows(db, { instrument: AWARD_INSTRUMENT });
  const open = calls.find((c) => presentCall(c).state === "open");
  if (!open) {
    throw new AppError(
      "call_closed",
      calls[0] ? `“${calls[0].title}”不在受理期` : "尚未发布科技进步奖评选通知",
    );
  }
  assertCallOpen(open);
  const districtId = await repo.enterpriseDistrict(db, enterpriseId);
  const id = await db.transaction(async (tx) => {
    const c = await openCase(tx, ctx, {
      instrument: AWARD_INSTRUMENT,
      type: "progress",
      year: open.year,
      title: input.title,
      callId: open.id,
      enterpriseId,
      districtId: districtId ?? null,
    });
    await repo.insertNomination(tx, {
      id: c.id,
      achievement: input.achievement,
      field: input.field,
      summary: input.summary,
      completers: input.completers,
      nominatingUnit: input.nominatingUnit,
    });
    await recordAudit(tx, ctx, {
      action: "award_nomination.create",
      objectType: "award_nomination",
      objectId: c.id,
      after: { ...input, callId: open.id },
    });
    return c.id;
  });
  return getNomination(db, actor, id);
}

export async function updateNomination(
  db: Db,
  ctx: RequestContext,
  id: number,
  input: NominationInput & { version: number },
) {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, AWARD_INSTRUMENT, "提名");
    if (
      !hasRole(actor, "enterprise_user") ||
      c.enterpriseId !== actor.enterpriseId
    ) {
      throw forbidden("只有提名的完成单位可以修改");
    }
    if (c.status !== "draft" && c.status !== "returned") {
      throw new AppError("invalid_state", "提名已提交，不能修改");
    }
    if (c.version !== input.version) {
      throw new AppError("version_conflict", "提名已被修改，请刷新后重试");
    }
    const before = await repo.findNomination(tx, id);
    await repo.updateNomination(tx, id, {
      achievement: input.achievement,
      field: input.field,
      summary: input.summary,
      completers: input.completers,
      nominatingUnit: input.nominatingUnit,
    });
    await repo.touchCase(tx, id, input.title);
    await recordAudit(tx, ctx, {
      action: "award_nomination.update",
      objectType: "award_nomination",
      objectId: id,
      before,
      after: input,
    });
  });
  return getNomination(db, actor, id);
}

/** submit (the nominator), formal check pass / return / reject (the bureau): the kernel checks roles, scope, status and comments. */
export async function act(
  db: Db,
  ctx: RequestContext,
  id: number,
  input: { action: (typeof ACTIONS)[number]; comment?: string | null },
) {
  const actor = actorOf(ctx);
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, AWARD_INSTRUMENT, "提名");
    await moveCase(tx, ctx, c, {
      action: input.action,
      comment: input.comment ?? null,
      ...(input.action === "submit"
        ? { set: { submittedAt: new Date() } }
        : {}),
    });
  });
  return getNomination(db, actor, id);
}

/** The bureau's proposed grade after the panel (shown in the notice, given by the decision). */
export async function setProposedGrade(
  db: Db,
  ctx: RequestContext,
  id: number,
  grade: keyof typeof GRADES,
) {
  const actor = actorOf(ctx);
  if (!hasRole(actor, "city_officer")) {
    throw forbidden("只有市科委业务处室可以确定拟授奖等级");
  }
  await db.transaction(async (tx) => {
    const c = await lockCase(tx, ctx, id, AWARD_INSTRUMENT, "提名");
    if (c.status !== "scored") {
      throw new AppError(
        "invalid_state",
        `提名当前状态为“${awardsInstrument.statuses[c.status]?.name ?? c.status}”，专家评审完成、公示前才能确定拟授奖等级`,
      );
    }
    const before = await repo.findNomination(tx, id);
    await repo.updateNomination(tx, id, { proposedGrade: grade });
    await recordAudit(tx, ctx, {
      action: "award_nomination.grade",
      objectType: "award_nomination",
      objectId: id,
      before: { proposedGrade: before?.proposedGrade ?? null },
      after: { proposedGrade: grade },
    });
  });
  return getNomination(db, actor, id);
}

// ── national and provincial award records ────────────────────────────────────────────────────
function presentRecord(x: { r: repo.RecordRow; districtName: string | null }) {
  const r = x.r;
  return {
    id: r.id,
    level: r.level,
    levelName: LEVELS[r.level as keyof typeof LEVELS] ?? r.level,
    category: r.category,
    categoryName:
      CATEGORIES[r.category as keyof typeof CATEGORIES] ?? r.category,
    grade: r.grade,
    gradeName: RECORD_GRADES[r.grade as keyof typeof RECORD_GRADES] ?? r.grade,
    year: r.year,
    projectTitle: r.projectTitle,
    units: r.units,
    enterpriseId: r.enterpriseId,
    districtName: x.districtName,
    documentNo: r.documentNo,
    awardedOn: r.awardedOn,
  };
}

export async function listRecords(
  db: Db,
  actor: Actor,
  q: { year?: number; level?: string },
) {
  const scope = scopeOf(actor);
  if (scope.enterpriseId !== undefined) {
    throw forbidden("无权查看获奖登记");
  }
  const rows = await repo.listRecords(db, {
    ...q,
    districtId: scope.districtId,
  });
  return { items: rows.map(presentRecord) };
}

export async function createRecord(
  db: Db,
  ctx: RequestContext,
  input: RecordInput,
) {
  const actor = actorOf(ctx);
  if (!hasRole(actor, "city_officer")) {
    throw forbidden("只有市科委业务处室可以登记获奖");
  }
  if (Number(input.awardedOn.slice(0, 4)) < input.year) {
    throw fieldError("awardedOn", "授奖日期不能早于奖励年度");
  }
  let districtId: number | null = null;
  if (input.enterpriseId) {
    const d = await repo.enterpriseDistrict(db, input.enterpriseId);
    if (d === undefined) {
      throw fieldError("enterpriseId", "企业库中没有该企业");
    }
    districtId = d;
  }
  const row = await db.transaction(async (tx) => {
    let inserted;
    try {
      [inserted] = await tx.transaction(async (sp) =>
        repo.insertRecords(sp, [
          {
            ...input,
            enterpriseId: input.enterpriseId ?? null,
            districtId,
            createdBy: actor.userId,
          },
        ]),
      );
    } catch (err) {
      const code =
        (err as { code?: string }).code ??
        (err as { cause?: { code?: string } }).cause?.code;
      if (code === "23505") {
        throw fieldError(
          "projectTitle",
          "该项目同年度同级别的获奖已登记",
          "conflict",
        );
      }
      throw err;
    }
    await recordAudit(tx, ctx, {
      action: "award_record.create",
      objectType: "award_record",
      objectId: inserted.id,
      after: inserted,
    });
    return inserted;
  });
  const found = (await repo.listRecords(db, { year: row.year })).find(
    (r) => r.r.id === row.id,
  );
  return presentRecord(found ?? { r: row, districtName: null });
}

/** The award.* figures of a year, city-wide or one district's, and the city award's grades. */
export async function awardIndicators(
  db: Executor,
  year: number,
  districtId?: number,
) {
  const rows = await repo.indicatorCounts(db, year);
  const pick =
    districtId === undefined
      ? rows
      : rows.filter((r) => r.districtId === districtId);
  const sum = (k: "nationalFirst" | "nationalSecond" | "provincial") =>
    pick.reduce((a, r) => a + Number(r[k]), 0);
  return {
    "award.national.first": sum("nationalFirst"),
    "award.national.second": sum("nationalSecond"),
    "award.provincial": sum("provincial"),
  };
}
export async function awardIndicatorsByDistrict(
  db: Executor,
  year: number,
): Promise<Map<number, Record<string, number>>> {
  const rows = await repo.indicatorCounts(db, year);
  return new Map(
    rows
      .filter((r) => r.districtId !== null)
      .map((r) => [
        r.districtId!,
        {
          "award.national.first": Number(r.nationalFirst),
          "award.national.second": Number(r.nationalSecond),
          "award.provincial": Number(r.provincial),
        },
      ]),
  );
}

export async function summary(db: Db, actor: Actor, year: number) {
  const scope = scopeOf(actor);
  if (scope.enterpriseId !== undefined) {
    throw forbidden("无权查看获奖统计");
  }
  const v = await awardIndicators(db, year, scope.districtId);
  const city = await repo.cityAwardCounts(db, year);
  return {
    year,
    nationalFirst: v["award.national.first"],
    nationalSecond: v["award.national.second"],
    provincial: v["award.provincial"],
    cityAwarded: Object.fromEntries(
      city.map((c) => [c.grade ?? "none", Number(c.n)]),
    ),
  };
}
