import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import * as s from './loans.schema.js';
import * as service from './loans.service.js';

/** Bridge loans (融资周转金) on the revolving pool; policy guarantees and 助保贷 on the risk pool. */
export const loansRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['loans'];

  app.get(
    '/api/bridge-loans',
    { schema: { tags, summary: '融资周转金列表（企业本企业、区县本区县、市级全部；mine=true 为待我处理）', querystring: s.listQuery, response: { 200: s.bridgeList } } },
    async (request) => service.listBridgeLoans(db, requireActor(request), request.query),
  );
  app.post(
    '/api/bridge-loans',
    { schema: { tags, summary: '企业申请融资周转金（草稿）', body: s.bridgeInput, response: { 201: s.bridgeDetail } } },
    async (request, reply) => {
      requireActor(request);
      return reply.status(201).send(await service.createBridgeLoan(db, contextOf(request), request.body));
    },
  );
  app.get(
    '/api/bridge-loans/pool',
    { schema: { tags, summary: '周转金资金池：资本金、可用余额、在贷金额（市级、区县、审计）', response: { 200: s.poolView } } },
    async (request) => service.poolOf(db, requireActor(request), 'bridge'),
  );
  app.get(
    '/api/bridge-loans/:id',
    { schema: { tags, summary: '融资周转金详情：金额、放款、到期与归还、办理过程', params: s.idParam, response: { 200: s.bridgeDetail } } },
    async (request) => service.getBridgeLoan(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/bridge-loans/:id/actions',
    { schema: { tags, summary: '办理一步：提交、区县审核、市级批准（可核减金额）、放款（资金池不足则拒绝）、登记归还（按到期日判定按期或逾期）', params: s.idParam, body: s.bridgeAction, response: { 200: s.bridgeDetail } } },
    async (request) => {
      requireActor(request);
      return service.actOnBridgeLoan(db, contextOf(request), request.params.id, request.body);
    },
  );

  app.get(
    '/api/guarantees',
    { schema: { tags, summary: '政策性担保与助保贷列表（企业本企业、区县本区县、市级全部）', querystring: s.listQuery, response: { 200: s.guaranteeList } } },
    async (request) => service.listGuarantees(db, requireActor(request), request.query),
  );
  app.post(
    '/api/guarantees',
    { schema: { tags, summary: '企业申请政策性担保或助保贷（草稿）', body: s.guaranteeInput, response: { 201: s.guaranteeDetail } } },
    async (request, reply) => {
      requireActor(request);
      return reply.status(201).send(await service.createGuarantee(db, contextOf(request), request.body));
    },
  );
  app.get(
    '/api/guarantees/pool',
    { schema: { tags, summary: '担保风险池与担保费补助预算（市级、区县、审计）', response: { 200: s.poolView } } },
    async (request) => service.poolOf(db, requireActor(request), 'guarantee'),
  );
  app.get(
    '/api/guarantees/:id',
    { schema: { tags, summary: '担保详情：贷款、担保费及补助、解保或代偿、办理过程', params: s.idParam, response: { 200: s.guaranteeDetail } } },
    async (request) => service.getGuarantee(db, requireActor(request), request.params.id),
  );
  app.post(
    '/api/guarantees/:id/actions',
    { schema: { tags, summary: '办理一步：提交、区县审核、市级批准（起保、担保费补助）、到期解保、登记违约、风险池代偿', params: s.idParam, body: s.guaranteeAction, response: { 200: s.guaranteeDetail } } },
    async (request) => {
      requireActor(request);
      return service.actOnGuarantee(db, contextOf(request), request.params.id, request.body);
    },
  );
};
