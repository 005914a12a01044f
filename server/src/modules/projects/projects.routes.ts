import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { readSingleUpload } from '../../http/upload.js';
import { sendAttachment, sendXlsx } from '../../http/attachment.js';
import { yuanToFen } from '../../lib/money.js';
import { XLSX_MIME } from '../../lib/xlsx.js';
import { evaluate } from './performance.js';
import { performanceWorkbook } from './performance.xlsx.js';
import { MAX_FILE_BYTES } from '../programmes/index.js';
import * as evidence from './evidence.js';
import * as s from './projects.schema.js';
import * as service from './projects.service.js';

const toFenKpis = <T extends { key: string; actual: number; evidence?: string }>(kpis: T[]) => kpis.map((k) => ({ key: k.key, actual: k.actual, evidence: k.evidence ?? null }));

export const projectsRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['projects'];
  app.get(
    '/api/projects',
    { schema: { tags, summary: '立项后项目（执行中、验收中、已结题…）及其中期检查、验收、变更情况（市科委、财务、审计：全部；区县：本区；企业：本企业）', querystring: s.listQuery, response: { 200: s.projectList } } },
    async (request) => service.listProjects({ db, actor: requireActor(request), query: request.query }),
  );
  app.get(
    '/api/projects/performance',
    { schema: { tags, summary: '绩效评价：按考核指标完成度与经费执行率计算的项目与计划得分（公式见 formula）', querystring: s.performanceQuery, response: { 200: s.performanceResult } } },
    async (request) => evaluate({ db, actor: requireActor(request), query: request.query }),
  );
  app.get(
    '/api/projects/performance.xlsx',
    { schema: { tags, summary: '导出绩效评价（Excel）', querystring: s.performanceQuery, produces: [XLSX_MIME] } },
    async (request, reply) => {
      const r = await evaluate({ db, actor: requireActor(request), query: request.query });
      return sendXlsx(reply, `绩效评价${r.year ?? ''}.xlsx`, await performanceWorkbook(r));
    },
  );
  app.get(
    '/api/projects/:id',
    { schema: { tags, summary: '项目执行详情：现行计划（含已批准变更）、中期检查、验收、变更、拨款', params: s.idParam, response: { 200: s.projectDetail } } },
    async (request) => service.getProject({ db, actor: requireActor(request), id: request.params.id }),
  );
  app.get(
    '/api/projects/follow-ups/:id',
    { schema: { tags, summary: '中期检查、验收或变更事项详情', params: s.idParam, response: { 200: s.followUp } } },
    async (request) => service.getFollowUp({ db, actor: requireActor(request), id: request.params.id }),
  );
  app.post(
    '/api/projects/midterms/open',
    { schema: { tags, summary: '为所有执行中且尚无中期检查的项目启动中期检查（市科委；到期日为项目周期中点，至少20个工作日后）', response: { 200: s.openResult } } },
    async (request) => {
      requireActor(request);
      return service.openMidterms({ db, ctx: contextOf(request) });
    },
  );
  app.put(
    '/api/projects/midterms/:id/report',
    { schema: { tags, summary: '提交中期报告（项目承担单位）：进展、各考核指标完成值、已支出经费', params: s.idParam, body: s.midtermReportBody, response: { 200: s.followUp } } },
    async (request) => {
      requireActor(request);
      const b = request.body;
      return service.submitMidterm({ db, ctx: contextOf(request), id: request.params.id, input: { progress: b.progress, kpis: toFenKpis(b.kpis), spentFen: yuanToFen(b.spent) } });
    },
  );
  app.post(
    '/api/projects/midterms/:id/conclusion',
    { schema: { tags, summary: '中期检查结论（市科委）：通过（生成第2笔拨款）、退回补充、不通过', params: s.idParam, body: s.midtermConclusionBody, response: { 200: s.followUp } } },
    async (request) => {
      requireActor(request);
      return service.concludeMidterm({ db, ctx: contextOf(request), id: request.params.id, result: request.body.result, comment: request.body.comment });
    },
  );
  app.post(
    '/api/projects/:id/acceptance',
    { schema: { tags, summary: '启动验收（市科委）：项目进入验收中，开立验收事项', params: s.idParam, response: { 200: s.followUp } } },
    async (request) => {
      requireActor(request);
      return service.startAcceptance({ db, ctx: contextOf(request), projectId: request.params.id });
    },
  );
  app.put(
    '/api/projects/acceptances/:id/report',
    { schema: { tags, summary: '提交验收材料（项目承担单位）：执行总结、各考核指标实际值及佐证、已支出经费', params: s.idParam, body: s.acceptanceReportBody, response: { 200: s.followUp } } },
    async (request) => {
      requireActor(request);
      const b = request.body;
      return service.submitAcceptance({ db, ctx: contextOf(request), id: request.params.id, input: { summary: b.summary, kpis: toFenKpis(b.kpis), spentFen: yuanToFen(b.spent) } });
    },
  );
  app.post(
    '/api/projects/acceptances/:id/evidence',
    {
      schema: { tags, summary: '上传考核指标完成值的佐证材料（项目承担单位，提交验收材料前；multipart 字段 file：pdf/jpg/png/docx/xlsx，按文件头校验）', params: s.idParam, querystring: s.evidenceQuery, consumes: ['multipart/form-data'], response: { 201: s.evidenceView } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id } = request.params;
      const { buffer, filename } = await readSingleUpload(request, { maxBytes: MAX_FILE_BYTES, authorise: () => evidence.assertCanAttachEvidence({ db, actor, id, kpi: request.query.kpi }) });
      return reply.status(201).send(await evidence.uploadEvidence({ db, ctx: contextOf(request), id: request.params.id, kpi: request.query.kpi, fileName: filename, buffer }));
    },
  );
  app.get(
    '/api/projects/acceptances/:id/evidence/:attachmentId',
    { schema: { tags, summary: '下载佐证材料', params: s.evidenceParams, produces: ['application/octet-stream'] } },
    async (request, reply) => {
      const file = await service.readEvidence({ db, actor: requireActor(request), id: request.params.id, attachmentId: request.params.attachmentId });
      return sendAttachment(reply, file, 'evidence');
    },
  );
  app.delete(
    '/api/projects/acceptances/:id/evidence/:attachmentId',
    { schema: { tags, summary: '删除佐证材料（项目承担单位，提交验收材料前）', params: s.evidenceParams, response: { 200: s.okView } } },
    async (request) => {
      requireActor(request);
      await evidence.deleteEvidence({ db, ctx: contextOf(request), id: request.params.id, attachmentId: request.params.attachmentId });
      return { ok: true as const };
    },
  );
  app.post(
    '/api/projects/acceptances/:id/conclusion',
    { schema: { tags, summary: '验收结论（市科委，专家评审后）：通过/附条件通过（结题并生成尾款）、不通过（结余退回预算、收回未使用资金）', params: s.idParam, body: s.acceptanceConclusionBody, response: { 200: s.followUp } } },
    async (request) => {
      requireActor(request);
      return service.concludeAcceptance({ db, ctx: contextOf(request), id: request.params.id, result: request.body.result, comment: request.body.comment });
    },
  );
  app.post(
    '/api/projects/:id/changes',
    { schema: { tags, summary: '申请项目变更（项目承担单位）：延期、预算调整、考核指标调整', params: s.idParam, body: s.changeBody, response: { 201: s.followUp } } },
    async (request, reply) => {
      requireActor(request);
      const b = request.body;
      const input = {
        kind: b.kind,
        reason: b.reason,
        endOn: b.endOn,
        budgetLines: b.budgetLines?.map((l) => ({ category: l.category, cityFen: yuanToFen(l.city), selfFen: yuanToFen(l.self), note: l.note })),
        kpis: b.kpis,
      };
      return reply.status(201).send(await service.requestChange({ db, ctx: contextOf(request), projectId: request.params.id, input }));
    },
  );
  app.post(
    '/api/projects/changes/:id/decision',
    { schema: { tags, summary: '审批项目变更（市科委）：批准即生效，不批准须说明理由', params: s.idParam, body: s.changeDecisionBody, response: { 200: s.followUp } } },
    async (request) => {
      requireActor(request);
      return service.decideChange({ db, ctx: contextOf(request), id: request.params.id, approve: request.body.approve, comment: request.body.comment });
    },
  );
};
