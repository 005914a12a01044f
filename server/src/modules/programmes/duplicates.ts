import { and, desc, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { caseEvents, cases, enterprises, projectApplications } from '../../db/schema/index.js';
import type { Actor } from '../../http/context.js';
import { hasRole } from '../../http/context.js';
import { forbidden, notFound } from '../../http/errors.js';
import { assertCaseInScope, casesRepo, instruments, statusName, typeName } from '../cases/index.js';
import { APPROVED_STATUSES } from './instrument.js';
import * as repo from './programmes.repo.js';

/** Titles at least this similar (Dice coefficient of character bigrams) are flagged. */
export const SIMILARITY_THRESHOLD = 0.5;

/** Words every project title has: they say nothing about the topic, so they are left out of the comparison. */
const COMMON = ['关键技术', '研究与开发', '研究及产业化', '研发及产业化', '及产业化', '产业化', '研究与应用', '研究及应用', '研发与应用', '研究', '研发', '开发', '应用', '示范', '项目', '基于', '及其', '技术', '系统', '新型', '的', '和', '与', '及'];

/** The title's meaningful CJK/alphanumeric characters. */
export function normaliseTitle(title: string): string {
  let t = title.replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '').toLowerCase();
  for (const w of COMMON) {
    t = t.split(w).join('|');
  }
  return t;
}

export function bigrams(title: string): Set<string> {
  const out = new Set<string>();
  for (const part of normaliseTitle(title).split('|')) {
    for (let i = 0; i + 1 < part.length; i++) {
      out.add(part.slice(i, i + 2));
    }
  }
  return out;
}

/** Dice similarity of two titles' bigram sets (0–1), and the shared bigrams. */
export function titleSimilarity(a: string, b: string): { score: number; shared: string[] } {
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.size === 0 || y.size === 0) {
    return { score: 0, shared: [] };
  }
  const shared = [...x].filter((g) => y.has(g));
  return { score: Math.round(((2 * shared.length) / (x.size + y.size)) * 100) / 100, shared };
}

/** Joins shared bigrams into the runs they come from (芯片设 + 片设计 → 芯片设计) for the reason text. */
function sharedWords(title: string, shared: string[]): string[] {
  const set = new Set(shared);
  const out: string[] = [];
  for (const part of normaliseTitle(title).split('|')) {
    let run = '';
    for (let i = 0; i + 1 < part.length; i++) {
      const g = part.slice(i, i + 2);
      if (set.has(g)) {
        run = run ? run + g[1] : g;
      } else if (run) {
        out.push(run);
        run = '';
      }
    }
    if (run) {
      out.push(run);
    }
  }
  return [...new Set(out)];
}

/** The approve actions of every registered instrument: a case that took one was funded / granted. */
function approvalPairs() {
  return instruments().flatMap((d) => (d.notice ? [{ instrument: d.code, action: d.notice.approveAction }] : []));
}

/**
 * The duplicate-funding check of a project application, for the bureau, the district and the
 * panel: the same enterprise's funded cases of every instrument and year (read from the case
 * kernel: cases that took their instrument's approval), and funded projects whose titles are
 * similar to this one's, with the shared words as the reason.
 */
export async function duplicateCheck(opts: { db: Executor; actor: Actor; id: number }) {
  if (hasRole(opts.actor, 'enterprise_user', 'provider')) {
    throw forbidden('查重结果仅供审核与评审人员查看');
  }
  const c = await casesRepo.findCase(opts.db, opts.id);
  if (!c || c.instrument !== repo.INSTRUMENT) {
    throw notFound('项目申报');
  }
  assertCaseInScope({ actor: opts.actor, requestId: '', ip: '' }, c, '项目申报');
  const pairs = approvalPairs();
  const approvedCond = pairs.length
    ? or(...pairs.map((p) => sql`exists (select 1 from ${caseEvents} e where e.case_id = ${cases.id} and ${cases.instrument} = ${p.instrument} and e.action = ${p.action})`))
    : sql`false`;
  const funded = c.enterpriseId
    ? await opts.db
        .select({ id: cases.id, instrument: cases.instrument, type: cases.type, year: cases.year, title: cases.title, status: cases.status, approvedFen: projectApplications.approvedFen })
        .from(cases)
        .leftJoin(projectApplications, eq(projectApplications.id, cases.id))
        .where(and(eq(cases.enterpriseId, c.enterpriseId), ne(cases.id, c.id), approvedCond))
        .orderBy(desc(cases.year), desc(cases.id))
        .limit(200)
    : [];
  const defs = new Map(instruments().map((d) => [d.code, d]));

  // similar titles among funded projects of the programmes (any enterprise, any year)
  const candidates = await opts.db
    .select({ id: cases.id, title: cases.title, year: cases.year, enterpriseId: cases.enterpriseId, enterpriseName: enterprises.name })
    .from(cases)
    .innerJoin(projectApplications, eq(projectApplications.id, cases.id))
    .leftJoin(enterprises, eq(enterprises.id, cases.enterpriseId))
    .where(and(eq(cases.instrument, repo.INSTRUMENT), ne(cases.id, c.id), inArray(cases.status, APPROVED_STATUSES), isNotNull(projectApplications.approvedFen)))
    .limit(20_000);
  const similar = candidates
    .map((p) => ({ p, sim: titleSimilarity(c.title, p.title) }))
    .filter((x) => x.sim.score >= SIMILARITY_THRESHOLD)
    .sort((a, b) => b.sim.score - a.sim.score || b.p.id - a.p.id)
    .slice(0, 20)
    .map(({ p, sim }) => {
      const same = p.enterpriseId !== null && p.enterpriseId === c.enterpriseId;
      const words = sharedWords(c.title, sim.shared).join('、');
      return {
        id: p.id,
        title: p.title,
        enterpriseName: p.enterpriseName ?? '',
        year: p.year,
        similarity: sim.score,
        sameEnterprise: same,
        reason: `题目相似度${Math.round(sim.score * 100)}%（阈值${SIMILARITY_THRESHOLD * 100}%），共同词：${words}${same ? '；同一申报单位已获资助，疑似重复申报' : ''}`,
      };
    });
  return {
    funded: funded.map((f) => {
      const d = defs.get(f.instrument);
      return {
        id: f.id,
        instrument: f.instrument,
        instrumentName: d?.name ?? f.instrument,
        typeName: d ? typeName(d, f.type) : f.type,
        year: f.year,
        title: f.title,
        statusName: d ? statusName(d, f.status) : f.status,
        amount: f.approvedFen === null ? null : f.approvedFen / 100,
      };
    }),
    similar,
    threshold: SIMILARITY_THRESHOLD,
  };
}
