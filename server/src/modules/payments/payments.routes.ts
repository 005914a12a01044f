import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { yuanToFen } from '../../lib/money.js';
import { payables } from './payables.js';
import * as s from './payments.schema.js';
import * as service from './payments.service.js';

export const paymentsRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['payments'];
  app.get(
    '/api/payments',
    { schema: { tags, summary: '支付指令（计划财务处、业务处室、审计：全部；企业：本企业收付的），按编号倒序，键集分页', querystring: s.listQuery, response: { 200: s.orderPage } } },
    async (request) => service.listPayments({ db, actor: requireActor(request), query: request.query }),
  );
  app.get(
    '/api/payments/summary',
    { schema: { tags, summary: '支付指令按状态的笔数与金额，及当前用户的审批限额', querystring: s.summaryQuery, response: { 200: s.summary } } },
    async (request) => service.paymentSummary({ db, actor: requireActor(request), query: request.query }),
  );
  app.get(
    '/api/payments/payables',
    { schema: { tags, summary: '已注册的支付事项（各业务模块）', response: { 200: s.payablesResult } } },
    async (request) => {
      requireActor(request);
      return { items: payables().map((p) => ({ code: p.code, name: p.name, book: p.book.code })) };
    },
  );
  app.get(
    '/api/payments/:id',
    { schema: { tags, summary: '支付指令详情', params: s.idParam, response: { 200: s.order } } },
    async (request) => service.getPayment({ db, actor: requireActor(request), id: request.params.id }),
  );
  app.post(
    '/api/payments/:id/approve',
    { schema: { tags, summary: '复核审批（计划财务处；经办人不能审批；金额不超过本人审批限额；审批即记账，额度不足则拒绝）', params: s.idParam, body: s.stepBody, response: { 200: s.order } } },
    async (request) => {
      requireActor(request);
      return service.approvePayment({ db, ctx: contextOf(request), id: request.params.id, version: request.body.version });
    },
  );
  app.post(
    '/api/payments/:id/send',
    { schema: { tags, summary: '提交银行（计划财务处；已审批的）', params: s.idParam, body: s.stepBody, response: { 200: s.order } } },
    async (request) => {
      requireActor(request);
      return service.sendPayment({ db, ctx: contextOf(request), id: request.params.id, version: request.body.version });
    },
  );
  app.post(
    '/api/payments/:id/confirm',
    { schema: { tags, summary: '确认到账（计划财务处；银行流水号与到账日期）', params: s.idParam, body: s.confirmBody, response: { 200: s.order } } },
    async (request) => {
      requireActor(request);
      const b = request.body;
      return service.confirmPayment({ db, ctx: contextOf(request), id: request.params.id, bankReference: b.bankReference, paidOn: b.paidOn, version: b.version });
    },
  );
  app.post(
    '/api/payments/:id/cancel',
    { schema: { tags, summary: '取消（计划财务处；提交银行之前，须填原因；已审批的冲正记账）', params: s.idParam, body: s.cancelBody, response: { 200: s.order } } },
    async (request) => {
      requireActor(request);
      return service.cancelPayment({ db, ctx: contextOf(request), id: request.params.id, reason: request.body.reason, version: request.body.version });
    },
  );
  app.get(
    '/api/payment-limits',
    { schema: { tags, summary: '支付复核人员的审批限额（系统管理员、审计）', response: { 200: s.limitsResult } } },
    async (request) => service.listLimits({ db, actor: requireActor(request) }),
  );
  app.put(
    '/api/payment-limits/:userId',
    { schema: { tags, summary: '设置审批限额（系统管理员；元）', params: s.userIdParam, body: s.limitBody, response: { 200: s.limitsResult } } },
    async (request) => {
      requireActor(request);
      return service.setLimit({ db, ctx: contextOf(request), userId: request.params.userId, limitFen: yuanToFen(request.body.limit) });
    },
  );
};
