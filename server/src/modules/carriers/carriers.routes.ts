import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { readSingleUpload } from '../../http/upload.js';
import { sendXlsx } from '../../http/attachment.js';
import { assertXlsxWithinLimits, XLSX_MIME } from '../../lib/xlsx.js';
import { backgroundJob } from '../jobs/index.js';
import * as applications from './applications.service.js';
import { assertCarrierOperator } from './carriers.policy.js';
import * as assessment from './assessment.service.js';
import { carrierFiguresByPark } from './carriers.indicators.js';
import * as s from './carriers.schema.js';
import * as service from './carriers.service.js';
import * as national from './national.js';
import * as parks from './parks.service.js';
import * as stats from './stats.service.js';
import { startStatsImport } from './stats.import.js';
import { exportStats } from './stats.xlsx.js';

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

export const carriersRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['carriers'];

  // ---------- public ----------
  app.get('/api/carriers/parks', { schema: { tags, security: [], summary: '园区与特色小镇（公开）', response: { 200: s.parkList } } }, async () => service.listParks(db));
  app.get(
    '/api/carriers/public',
    { schema: { tags, security: [], summary: '经认定的众创空间、孵化器名录（公开；按类别、区县、园区筛选）', querystring: s.listQuery, response: { 200: s.publicCarrierList } } },
    async (request) => service.listPublicCarriers(db, request.query),
  );

  // ---------- carriers ----------
  app.get('/api/carriers', { schema: { tags, summary: '创新载体列表（市科委、审计全部；区县本区县；运营机构本单位）', querystring: s.listQuery, response: { 200: s.carrierList } } }, async (request) =>
    service.listCarriers(db, requireActor(request), request.query),
  );
  app.post('/api/carriers', { schema: { tags, summary: '登记本单位运营的载体（运营机构）', body: s.carrierBody, response: { 201: s.carrierDetail } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await service.createCarrier(db, contextOf(request), request.body));
  });
  app.get('/api/carriers/:id', { schema: { tags, summary: '载体详情：档案、认定、在孵企业统计、申请、年度统计与考核', params: s.idParam, response: { 200: s.carrierDetail } } }, async (request) =>
    service.getCarrier(db, requireActor(request), request.params.id),
  );
  app.patch('/api/carriers/:id', { schema: { tags, summary: '修改载体档案（运营机构；乐观锁）', params: s.idParam, body: s.carrierPatch, response: { 200: s.carrierDetail } } }, async (request) => {
    requireActor(request);
    return service.updateCarrier(db, contextOf(request), request.params.id, request.body);
  });
  // ---------- national status: recommend, then record ----------
  app.post(
    '/api/carriers/:id/national-recommendations',
    { schema: { tags, summary: '推荐上报国家级（国家级孵化器、纳入国家孵化器管理服务体系的众创空间；须持有效市级认定；市科委）', params: s.idParam, body: s.recommendBody, response: { 201: s.nationalDetail } } },
    async (request, reply) => {
      requireActor(request);
      return reply.status(201).send(await national.recommendNational(db, contextOf(request), request.params.id, request.body));
    },
  );
  app.get('/api/carrier-national', { schema: { tags, summary: '国家级推荐上报与上级认定结果（按范围）', querystring: s.nationalQuery, response: { 200: s.nationalList } } }, async (request) =>
    national.listNational(db, requireActor(request), request.query),
  );
  app.get('/api/carrier-national/:id', { schema: { tags, summary: '一份国家级推荐上报及其办理记录', params: s.idParam, response: { 200: s.nationalDetail } } }, async (request) =>
    national.getNational(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/carrier-national/:id/result',
    { schema: { tags, summary: '登记科技部认定结果（文号、日期；认定则自该日起为国家级；市科委）', params: s.idParam, body: s.nationalResultBody, response: { 200: s.nationalDetail } } },
    async (request) => {
      requireActor(request);
      return national.recordNationalResult(db, contextOf(request), request.params.id, request.body);
    },
  );

  // ---------- incubated firms ----------
  app.get('/api/carriers/:id/firms', { schema: { tags, summary: '在孵企业（入孵、毕业、退出）', params: s.idParam, response: { 200: s.firmList } } }, async (request) =>
    service.listFirms(db, requireActor(request), request.params.id),
  );
  app.post('/api/carriers/:id/firms', { schema: { tags, summary: '登记入孵企业（可关联企业库）', params: s.idParam, body: s.firmBody, response: { 201: s.firm } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await service.addFirm(db, contextOf(request), request.params.id, request.body));
  });
  app.post('/api/carriers/:id/firms/:firmId/end', { schema: { tags, summary: '在孵企业毕业或退出', params: s.firmParams, body: s.firmPatch, response: { 200: s.firm } } }, async (request) => {
    requireActor(request);
    return service.endFirm(db, contextOf(request), request.params.id, request.params.firmId, request.body);
  });

  // ---------- recognition applications (case kernel instruments makerspace / incubator) ----------
  app.get('/api/carrier-applications', { schema: { tags, summary: '市级众创空间/孵化器认定申请列表（按范围）', querystring: s.statsListQuery, response: { 200: s.applicationList } } }, async (request) =>
    applications.listApplications(db, requireActor(request), request.query),
  );
  app.post('/api/carriers/:id/applications', { schema: { tags, summary: '申请市级认定（运营机构；草稿）', params: s.idParam, body: s.applicationBody, response: { 201: s.applicationDetail } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await applications.openApplication(db, contextOf(request), request.params.id, request.body));
  });
  app.get('/api/carrier-applications/:id', { schema: { tags, summary: '认定申请详情（条件对照、可办理的操作、办理记录）', params: s.idParam, response: { 200: s.applicationDetail } } }, async (request) =>
    applications.getApplication(db, requireActor(request), request.params.id),
  );
  app.patch('/api/carrier-applications/:id', { schema: { tags, summary: '修改申请表（草稿或退回修改时）', params: s.idParam, body: s.applicationPatch, response: { 200: s.applicationDetail } } }, async (request) => {
    requireActor(request);
    return applications.updateApplication(db, contextOf(request), request.params.id, request.body.form);
  });
  app.post('/api/carrier-applications/:id/actions', { schema: { tags, summary: '办理：提交、区县审核、市科委审核（公示与认定在公示管理中）', params: s.idParam, body: s.actionBody, response: { 200: s.applicationDetail } } }, async (request) => {
    requireActor(request);
    return applications.actOnApplication(db, contextOf(request), request.params.id, request.body);
  });

  // ---------- annual statistics (case kernel instrument carrier_stats) ----------
  app.get('/api/carrier-stats', { schema: { tags, summary: '年度统计报表列表（按范围）', querystring: s.statsListQuery, response: { 200: s.statsList } } }, async (request) =>
    stats.listStats(db, requireActor(request), request.query),
  );
  app.get('/api/carrier-stats/export.xlsx', { schema: { tags, summary: '导出某年度统计报表为 Excel（可修改后导入）', querystring: s.yearQuery, produces: [XLSX_MIME] } }, async (request, reply) => {
    requireActor(request);
    return sendXlsx(reply, `孵化载体年度统计-${request.query.year}.xlsx`, await exportStats(db, contextOf(request), request.query.year));
  });
  app.post(
    '/api/carrier-stats/import',
    {
      schema: {
        tags,
        summary: '从 Excel 导入本单位的年度统计：202 返回后台任务（GET /api/jobs/{id} 查看进度与结果；全部成功或全部不导入，只改填报中/退回的报表）',
        consumes: ['multipart/form-data'],
        response: { 202: backgroundJob },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      // each row's carrier is checked against the operator when the job runs; only operators import at all
      const { buffer, filename } = await readSingleUpload(request, { maxBytes: MAX_UPLOAD_BYTES, authorise: () => assertCarrierOperator(actor) });
      // .xlsx is a zip: the magic bytes (.xls and CSV get the steps to convert) and the zip's declared sizes, before any job starts.
      assertXlsxWithinLimits(buffer);
      return reply.status(202).send(await startStatsImport({ database: deps.database, ctx: contextOf(request), buffer, filename, log: app.log }));
    },
  );
  app.post('/api/carriers/:id/stats', { schema: { tags, summary: '填报某年度统计（新建或保存填报中的报表；运营机构）', params: s.idParam, body: s.statsBody, response: { 201: s.statsDetail } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await stats.saveStats(db, contextOf(request), request.params.id, request.body.year, request.body.fields));
  });
  app.get('/api/carrier-stats/:id', { schema: { tags, summary: '统计报表详情（上年对照、同比异常提示、办理记录）', params: s.idParam, response: { 200: s.statsDetail } } }, async (request) =>
    stats.getStats(db, requireActor(request), request.params.id),
  );
  app.patch('/api/carrier-stats/:id', { schema: { tags, summary: '修改统计报表（填报中或退回修改时）', params: s.idParam, body: s.statsPatch, response: { 200: s.statsDetail } } }, async (request) => {
    requireActor(request);
    return stats.updateStats(db, contextOf(request), request.params.id, request.body.fields);
  });
  app.post('/api/carrier-stats/:id/actions', { schema: { tags, summary: '办理：提交、区县审核、市科委审核', params: s.idParam, body: s.actionBody, response: { 200: s.statsDetail } } }, async (request) => {
    requireActor(request);
    return stats.actOnStats(db, contextOf(request), request.params.id, request.body);
  });

  // ---------- assessment ----------
  app.get('/api/carrier-assessments', { schema: { tags, summary: '年度考核与验收结果（按范围）', querystring: s.statsListQuery.pick({ year: true }), response: { 200: s.assessmentList } } }, async (request) =>
    assessment.listAssessments(db, requireActor(request), request.query.year),
  );
  app.post('/api/carriers/:id/assessments', { schema: { tags, summary: '年度考核评分或平台验收（市科委；按等级生成补助支付指令；连续两年不合格退出）', params: s.idParam, body: s.assessmentBody, response: { 201: s.assessmentOut } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await assessment.assessCarrier(db, contextOf(request), request.params.id, request.body));
  });

  // ---------- parks ----------
  app.get('/api/carriers/parks/figures', { schema: { tags, summary: '按园区统计载体与企业（第二地理维度）', querystring: s.yearQuery, response: { 200: s.parkFigures } } }, async (request) => {
    parks.assertCanSeeParkFigures(requireActor(request));
    return { items: await carrierFiguresByPark(db, request.query.year) };
  });
  app.get('/api/carriers/score-sheets', { schema: { tags, summary: '考核评分表：孵化器、众创空间年度考核，服务平台绩效考评与建设验收（评分项、等级、补助标准）', response: { 200: s.scoreSheets } } }, async (request) => {
    requireActor(request);
    return assessment.scoreSheets();
  });
  app.get('/api/carriers/parks/enterprises/:id', { schema: { tags, summary: '企业所在园区（按范围）', params: s.idParam, response: { 200: s.enterprisePark } } }, async (request) =>
    parks.getEnterprisePark(db, requireActor(request), request.params.id),
  );
  app.put('/api/carriers/parks/enterprises/:id', { schema: { tags, summary: '设定企业所在园区（市科委；parkId 为 null 时清除）', params: s.idParam, body: s.enterpriseParkBody, response: { 200: s.enterprisePark } } }, async (request) => {
    requireActor(request);
    return parks.setEnterprisePark(db, contextOf(request), request.params.id, request.body.parkId);
  });
  app.get('/api/carriers/parks/:id/enterprises', { schema: { tags, summary: '园区内的企业（按范围）', params: s.idParam, response: { 200: s.parkEnterprises } } }, async (request) =>
    parks.listParkEnterprises(db, requireActor(request), request.params.id),
  );
};
