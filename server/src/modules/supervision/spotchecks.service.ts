import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { Db, Executor } from '../../db/client.js';
import type { RecognitionType } from '../../db/schema/index.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { AppError, fieldError, forbidden, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { createRandom } from '../../lib/random.js';
import { recordAudit } from '../audit/index.js';
import { instrumentOf, moveCase, openCase, statusName } from '../cases/index.js';
import { TYPE_NAMES } from '../recognitions/index.js';
import { INSTRUMENT } from './instrument.js';
import * as repo from './supervision.repo.js';
import type { drawBody, findingBody } from './supervision.schema.js';

export interface Stratum {
  districtId: number;
  districtName: string;
  population: number;
  drawn: number;
  /** the stratum's population (recognition ids, ascending) as it was on the draw day */
  ids: number[];
}

const FINDING_NAMES: Record<string, string> = { compliant: '符合认定条件', rectify: '限期整改', revoke: '撤销认定' };

/**
 * The draw: strata by district in district-id order, each ⌈rate × N⌉ (at least one where N > 0)
 * taken by a partial Fisher–Yates shuffle of the stratum's ids with one mulberry32 stream from
 * the seed. The same strata, rate and seed always give the same selection.
 */
export function drawSample(strata: Omit<Stratum, 'drawn'>[], rate: number, seed: number): { strata: Stratum[]; selected: number[] } {
  const rnd = createRandom(seed);
  const out: Stratum[] = [];
  const selected: number[] = [];
  for (const s of [...strata].sort((a, b) => a.districtId - b.districtId)) {
    const ids = [...s.ids].sort((a, b) => a - b);
    const n = ids.length ? Math.min(ids.length, Math.max(1, Math.ceil(rate * ids.length - 1e-9))) : 0;
    const pool = [...ids];
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(rnd.next() * (pool.length - i));
      [pool[i], pool[j]] = [pool[j], pool[i]];
      selected.push(pool[i]);
    }
    out.push({ ...s, ids, drawn: n });
  }
  return { strata: out, selected };
}

function assertOfficer(actor: Actor | null, what: string): Actor {
  if (!actor) {
    throw new AppError('unauthenticated', '请先登录');
  }
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden(`无权${what}（仅市科委业务处室）`);
  }
  return actor;
}

function readerDistrict(actor: Actor): number | undefined {
  if (hasRole(actor, 'city_officer', 'city_admin', 'auditor')) {
    return undefined;
  }
  if (hasRole(actor, 'district_officer') && actor.districtId !== null) {
    return actor.districtId;
  }
  throw forbidden('无权查看抽查');
}

function presentDraw(d: NonNullable<Awaited<ReturnType<typeof repo.findDraw>>>, drawn: number, checked: number) {
  const strata = d.strata as Stratum[];
  return {
    id: d.id,
    year: d.year,
    title: d.title,
    types: d.types,
    rate: Number(d.rate),
    seed: d.seed,
    drawnOn: d.drawnOn,
    population: strata.reduce((s, x) => s + x.population, 0),
    drawn,
    checked,
    strata: strata.map(({ ids: _ids, ...s }) => s),
  };
}

/** Draws a spot check of the recognitions of the types valid today, stratified by district, seed logged. */
export async function createDraw(opts: { db: Db; ctx: RequestContext; input: z.infer<typeof drawBody>; seed?: number }) {
  const actor = assertOfficer(opts.ctx.actor, '组织抽查');
  const { year, title, rate } = opts.input;
  const types = [...new Set(opts.input.types)] as RecognitionType[];
  const day = businessToday();
  return opts.db.transaction(async (tx) => {
    const pop = await repo.population(tx, types, day);
    if (!pop.length) {
      throw fieldError('types', '所选类型当前没有有效的认定，无可抽查对象');
    }
    const byDistrict = new Map<number, Omit<Stratum, 'drawn'>>();
    for (const r of pop) {
      const s = byDistrict.get(r.districtId) ?? { districtId: r.districtId, districtName: r.districtName, population: 0, ids: [] };
      s.population += 1;
      s.ids.push(r.id);
      byDistrict.set(r.districtId, s);
    }
    const seed = opts.seed ?? randomInt(0, 2 ** 31 - 1);
    const { strata, selected } = drawSample([...byDistrict.values()], rate, seed);
    const draw = await repo.insertDraw(tx, { year, title, types, rate: String(rate), seed: String(seed), strata, drawnOn: day, drawnBy: actor.userId });
    const byId = new Map(pop.map((r) => [r.id, r]));
    await repo.insertItems(
      tx,
      selected.map((id) => ({ drawId: draw.id, recognitionId: id, enterpriseId: byId.get(id)!.enterpriseId, districtId: byId.get(id)!.districtId })),
    );
    await recordAudit(tx, opts.ctx, { action: 'spot_check.draw', objectType: 'spot_check', objectId: draw.id, after: { year, title, types, rate, seed, population: pop.length, selected } });
    return getDraw({ db: tx, actor, id: draw.id });
  });
}

export async function listDraws(opts: { db: Db; actor: Actor }) {
  readerDistrict(opts.actor);
  return { items: (await repo.listDraws(opts.db)).map((r) => presentDraw(r.draw, r.drawn, r.checked)) };
}

/** A draw with its items (a district officer: its district's) and whether re-running it from the logged seed gives the same selection. */
export async function getDraw(opts: { db: Executor; actor: Actor; id: number }) {
  const districtId = readerDistrict(opts.actor);
  const d = await repo.findDraw(opts.db, opts.id);
  if (!d) {
    throw notFound('抽查');
  }
  const all = await repo.itemsOf(opts.db, d.id);
  const again = drawSample(d.strata as Stratum[], Number(d.rate), Number(d.seed)).selected;
  const reproducible = again.length === all.length && [...again].sort((a, b) => a - b).join() === all.map((i) => i.recognitionId).sort((a, b) => a - b).join();
  const def = instrumentOf(INSTRUMENT);
  const items = all
    .filter((i) => districtId === undefined || i.districtId === districtId)
    .map((i) => ({
      id: i.id,
      recognitionId: i.recognitionId,
      typeName: TYPE_NAMES[i.type],
      certificateNo: i.certificateNo,
      enterpriseId: i.enterpriseId,
      enterpriseName: i.enterpriseName,
      districtName: i.districtName,
      finding: i.finding,
      findingName: i.finding ? FINDING_NAMES[i.finding] : null,
      findingNote: i.findingNote,
      checkedOn: i.checkedOn,
      caseId: i.caseId,
      caseStatusName: i.caseStatus ? statusName(def, i.caseStatus) : null,
    }));
  return { ...presentDraw(d, all.length, all.filter((i) => i.finding).length), reproducible, items };
}

/**
 * Records the finding on a drawn recognition: compliant closes it; rectify opens a rectification
 * case (the requirement and deadline go to the enterprise); revoke opens a revocation case.
 */
export async function recordFinding(opts: { db: Db; ctx: RequestContext; itemId: number; input: z.infer<typeof findingBody> }) {
  const actor = assertOfficer(opts.ctx.actor, '登记抽查结论');
  const { finding, note, checkedOn, requirement, rectifyBy } = opts.input;
  const today = businessToday();
  if (checkedOn > today) {
    throw fieldError('checkedOn', `检查日期不能晚于今天（${today}）`);
  }
  if (finding === 'rectify' && !requirement) {
    throw fieldError('requirement', '限期整改须写明整改要求');
  }
  if (finding === 'rectify' && (!rectifyBy || rectifyBy <= today)) {
    throw fieldError('rectifyBy', '请填写今天以后的整改期限');
  }
  return opts.db.transaction(async (tx) => {
    const item = await repo.lockItem(tx, opts.itemId);
    if (!item) {
      throw notFound('抽查对象');
    }
    if (item.finding !== null) {
      throw new AppError('invalid_state', '该抽查对象已登记结论');
    }
    const rec = (await repo.findRecognition(tx, item.recognitionId))!;
    let caseId: number | null = null;
    if (finding !== 'compliant') {
      const draw = (await repo.findDraw(tx, item.drawId))!;
      const c = await openCase(tx, opts.ctx, {
        instrument: INSTRUMENT,
        type: finding === 'rectify' ? 'rectification' : 'revocation',
        year: draw.year,
        title: `${TYPE_NAMES[rec.type]}认定后抽查：${finding === 'rectify' ? '限期整改' : '撤销认定'}（${rec.certificateNo}）`,
        enterpriseId: rec.enterpriseId,
        districtId: rec.districtId,
      });
      await repo.insertCaseDetail(tx, { id: c.id, recognitionId: rec.id, spotCheckItemId: item.id, finding: note, requirement: requirement ?? null, rectifyBy: rectifyBy ?? null });
      await moveCase(tx, opts.ctx, c, finding === 'rectify' ? { action: 'order_rectification', comment: `${requirement}（整改期限 ${rectifyBy}）`, dueOn: rectifyBy } : { action: 'propose_revocation', comment: note });
      caseId = c.id;
    }
    await repo.setFinding(tx, item.id, { finding, findingNote: note, checkedOn, caseId, recordedBy: actor.userId });
    await recordAudit(tx, opts.ctx, { action: 'spot_check.finding', objectType: 'spot_check', objectId: item.drawId, after: { itemId: item.id, recognitionId: rec.id, finding, caseId } });
    return getDraw({ db: tx, actor, id: item.drawId });
  });
}
