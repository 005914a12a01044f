import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import * as cs from './cases.service.js';
import * as reports from './reports.service.js';
import * as spot from './spotchecks.service.js';
import * as s from './supervision.schema.js';

/** Supervision after recognition: annual reports, spot checks (logged draws) and their rectification/revocation cases. */
export const supervisionRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['supervision'];

  app.get('/api/annual-reports', { schema: { tags, summary: '认定企业年度报告（市科委全部、区县本区县、企业本企业）', querystring: s.reportQuery, response: { 200: s.reportList } } }, async (request) =>
    reports.listReports({ db, actor: requireActor(request), query: request.query }),
  );
  app.get('/api/annual-reports/due', { schema: { tags, summary: '本企业应报的上一年度年度报告', response: { 200: s.dueList } } }, async (request) => reports.dueReports({ db, actor: requireActor(request) }));
  app.post('/api/annual-reports', { schema: { tags, summary: '提交年度报告（认定企业；退回后可重新提交）', body: s.reportBody, response: { 201: s.reportView } } }, async (request, reply) =>
    reply.code(201).send(await reports.submitReport({ db, ctx: contextOf(request), input: request.body })),
  );
  app.post('/api/annual-reports/:id/review', { schema: { tags, summary: '审核年度报告（通过或退回）', params: s.idParam, body: s.reviewBody, response: { 200: s.reportView } } }, async (request) =>
    reports.reviewReport({ db, ctx: contextOf(request), id: request.params.id, input: request.body }),
  );

  app.get('/api/spot-checks', { schema: { tags, summary: '认定后抽查批次', response: { 200: s.drawList } } }, async (request) => spot.listDraws({ db, actor: requireActor(request) }));
  app.post('/api/spot-checks', { schema: { tags, summary: '随机抽取抽查对象（按区县分层，记录随机种子，可复核）', body: s.drawBody, response: { 201: s.drawDetail } } }, async (request, reply) =>
    reply.code(201).send(await spot.createDraw({ db, ctx: contextOf(request), input: request.body })),
  );
  app.get('/api/spot-checks/:id', { schema: { tags, summary: '抽查详情（对象、结论；按记录的种子复核抽取结果）', params: s.idParam, response: { 200: s.drawDetail } } }, async (request) =>
    spot.getDraw({ db, actor: requireActor(request), id: request.params.id }),
  );
  app.post('/api/spot-check-items/:id/finding', { schema: { tags, summary: '登记抽查结论（符合／限期整改／撤销认定，后两者立案）', params: s.idParam, body: s.findingBody, response: { 200: s.drawDetail } } }, async (request) =>
    spot.recordFinding({ db, ctx: contextOf(request), itemId: request.params.id, input: request.body }),
  );

  app.get('/api/supervision-cases', { schema: { tags, summary: '监管案件（整改、撤销）', querystring: s.caseQuery, response: { 200: s.caseList } } }, async (request) =>
    cs.listCases({ db, actor: requireActor(request), query: request.query }),
  );
  app.get('/api/supervision-cases/:id', { schema: { tags, summary: '监管案件详情（经过、可办操作）', params: s.idParam, response: { 200: s.caseView } } }, async (request) => cs.getCase({ db, ctx: contextOf(request), id: request.params.id }));
  app.post('/api/supervision-cases/:id/actions', { schema: { tags, summary: '办理监管案件（提交整改报告、复核、撤销认定）', params: s.idParam, body: s.caseActionBody, response: { 200: s.caseView } } }, async (request) =>
    cs.actOnCase({ db, ctx: contextOf(request), id: request.params.id, input: request.body }),
  );
};
