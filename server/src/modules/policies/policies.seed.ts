import { and, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { calls, type PolicyStatus } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { recordAuditMany } from '../audit/index.js';
import * as repo from './policies.repo.js';

interface SeedPolicy {
  title: string;
  docNo: string | null;
  issuer: string;
  issuedOn: string | null;
  effectiveOn: string | null;
  status: PolicyStatus;
  summary: string;
  /** recognition types whose work the policy governs */
  recognitionTypes?: string[];
  /** the hnte calls of these years (inclusive) cite it */
  callYears?: [number, number];
}

/**
 * The policies the bureau's 2015 work summary and the national rules name. Only metadata the
 * sources give: no document number or date where they give none (an officer completes them and
 * uploads the text). City documents: "出台/制定" in the 2015 summary.
 */
export const SEED_POLICIES: SeedPolicy[] = [
  {
    title: '关于发展众创空间推进大众创业万众创新的若干意见',
    docNo: null,
    issuer: '杭州市',
    issuedOn: null,
    effectiveOn: null,
    status: 'in_force',
    summary: '2015年市级出台：发展市场化、专业化、集成化、网络化的众创空间，促进传统孵化器与众创空间深层合作，建设大众创业万众创新支撑平台。',
  },
  {
    title: '关于促进科技、金融与产业融合发展的实施意见',
    docNo: null,
    issuer: '杭州市',
    issuedOn: null,
    effectiveOn: null,
    status: 'in_force',
    summary: '2015年制定出台：创新科技金融服务机制，缓解科技型企业融资难题。',
  },
  {
    title: '杭州市科技发展资金使用管理暂行办法',
    docNo: null,
    issuer: '杭州市',
    issuedOn: null,
    effectiveOn: null,
    status: 'in_force',
    summary: '2015年制定出台：市科技发展资金的使用与管理。',
  },
  {
    title: '国家、省科技项目杭州市本级财政科技配套资金管理办法',
    docNo: null,
    issuer: '杭州市',
    issuedOn: null,
    effectiveOn: null,
    status: 'in_force',
    summary: '2015年制定出台：国家、省科技项目的市本级财政配套资金管理。',
  },
  {
    title: '杭州市科技型小微企业“助保贷”管理办法',
    docNo: null,
    issuer: '杭州市',
    issuedOn: null,
    effectiveOn: null,
    status: 'in_force',
    summary: '2015年制定出台：科技型小微企业“助保贷”业务的管理。',
  },
  {
    title: '杭州市科学技术进步奖励办法',
    docNo: null,
    issuer: '杭州市',
    issuedOn: null,
    effectiveOn: null,
    status: 'in_force',
    summary: '2015年修订出台：市科学技术进步奖的设立、评审与奖励。',
  },
  {
    title: '杭州市科学技术进步奖励办法实施细则',
    docNo: null,
    issuer: '杭州市',
    issuedOn: null,
    effectiveOn: null,
    status: 'in_force',
    summary: '2015年修订出台：市科学技术进步奖励办法的实施细则。',
  },
  {
    title: '科技创新服务平台建设和运行管理办法',
    docNo: null,
    issuer: '杭州市',
    issuedOn: null,
    effectiveOn: null,
    status: 'in_force',
    summary: '公共科技创新服务平台的建设与运行管理：绩效考评、奖励补助与退出机制。',
  },
  {
    title: '关于加快科技服务业发展的实施意见',
    docNo: null,
    issuer: '杭州市',
    issuedOn: null,
    effectiveOn: null,
    status: 'in_force',
    summary: '培育新兴科技服务业态，明确科技服务业的发展目标和主攻方向。',
  },
  {
    title: '高新技术企业认定管理办法',
    docNo: '国科发火〔2016〕32号',
    issuer: '科技部 财政部 国家税务总局',
    issuedOn: '2016-01-29',
    effectiveOn: '2016-01-01',
    status: 'in_force',
    summary: '高新技术企业的认定条件（第十一条）、认定程序与监督管理；认定有效期为三年。',
    recognitionTypes: ['hnte'],
    callYears: [2016, 2100],
  },
  {
    title: '高新技术企业认定管理办法（2008年）',
    docNo: '国科发火〔2008〕172号',
    issuer: '科技部 财政部 国家税务总局',
    issuedOn: null,
    effectiveOn: null,
    status: 'repealed',
    summary: '2008年版高新技术企业认定管理办法，由国科发火〔2016〕32号自2016年1月1日起取代；2015年及以前的认定按此办法。',
    callYears: [2000, 2015],
  },
  {
    title: '高新技术企业认定管理工作指引',
    docNo: '国科发火〔2016〕195号',
    issuer: '科技部 财政部 国家税务总局',
    issuedOn: null,
    effectiveOn: null,
    status: 'in_force',
    summary: '高新技术企业认定条件的解释、研究开发费用归集口径与企业创新能力评价方法。',
    recognitionTypes: ['hnte'],
  },
];

/** The demo's policy library and its citations (the hnte type and the hnte calls cite the national rules). */
export async function seedPolicies(opts: { tx: Tx; ctx: RequestContext }): Promise<void> {
  const { tx, ctx } = opts;
  const rows = await repo.insertPolicies(
    tx,
    SEED_POLICIES.map(({ recognitionTypes: _types, callYears: _years, ...p }) => p),
  );
  const hnteCalls = await tx.select({ id: calls.id, year: calls.year }).from(calls).where(and(eq(calls.instrument, 'recognitions'), eq(calls.type, 'hnte')));
  const citations = SEED_POLICIES.flatMap((p, i) => [
    ...(p.recognitionTypes ?? []).map((type) => ({ policyId: rows[i].id, objectType: 'recognition_type', objectId: type })),
    ...hnteCalls.filter((c) => p.callYears && c.year >= p.callYears[0] && c.year <= p.callYears[1]).map((c) => ({ policyId: rows[i].id, objectType: 'call', objectId: String(c.id) })),
  ]);
  if (citations.length) {
    await repo.insertCitations(tx, citations);
  }
  await recordAuditMany(
    tx,
    ctx,
    rows.map((r) => ({ action: 'policy.seed', objectType: 'policy', objectId: r.id, after: { title: r.title, docNo: r.docNo } })),
  );
}
