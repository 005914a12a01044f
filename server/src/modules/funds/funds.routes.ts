import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { businessToday } from '../../lib/clock.js';
import * as s from './funds.schema.js';
import * as funds from './funds.service.js';
import { fundCharts } from './funds.stats.js';
import * as overseas from './overseas.service.js';
import * as reports from './reports.service.js';
import { assertCityReader } from './funds.policy.js';

const P = '/api/funds';

export const fundsRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['funds'];

  // ---------- programmes and partner funds ----------
  app.get(`${P}/programmes`, { schema: { tags, summary: '引导基金与蒲公英天使投资引导基金：合作基金数、规模与资金台账（市科委、审计）', response: { 200: s.programmeList } } }, async (request) => {
    requireActor(request);
    return funds.listProgrammes({ db, ctx: contextOf(request) });
  });
  app.post(
    `${P}/programmes/:code/appropriations`,
    { schema: { tags, summary: '登记财政拨付引导基金的资金（市科委；记入引导基金账）', params: s.programmeParam, body: s.appropriationBody, response: { 200: s.ok } } },
    async (request) => {
      requireActor(request);
      return funds.appropriate({ db, ctx: contextOf(request), programme: request.params.code, input: request.body });
    },
  );
  app.get(`${P}/managers`, { schema: { tags, summary: '基金管理机构列表（市科委、审计）', response: { 200: s.managerList } } }, async (request) => {
    requireActor(request);
    return funds.listManagers({ db, ctx: contextOf(request) });
  });
  app.get(`${P}/partner-funds`, { schema: { tags, summary: '合作基金列表（市科委、审计全部；基金管理人本机构管理的）', querystring: s.fundsQuery, response: { 200: s.fundList } } }, async (request) => {
    requireActor(request);
    return funds.listFunds({ db, ctx: contextOf(request), ...request.query });
  });
  app.post(`${P}/partner-funds`, { schema: { tags, summary: '登记合作基金并记入引导基金认缴承诺（市科委；可用资金不足时拒绝）', body: s.createFundBody, response: { 201: s.fundItem } } }, async (request, reply) => {
    requireActor(request);
    const ctx = contextOf(request);
    const { id } = await funds.createFund({ db, ctx, input: request.body });
    return reply.status(201).send(await funds.getFund({ db, ctx, id }));
  });
  app.get(`${P}/partner-funds/:id`, { schema: { tags, summary: '合作基金详情', params: s.idParam, response: { 200: s.fundItem } } }, async (request) => {
    requireActor(request);
    return funds.getFund({ db, ctx: contextOf(request), id: request.params.id });
  });
  app.post(`${P}/partner-funds/:id/status`, { schema: { tags, summary: '变更基金状态（设立中→存续→退出；退出时释放未缴承诺额）', params: s.idParam, body: s.fundStatusBody, response: { 200: s.fundItem } } }, async (request) => {
    requireActor(request);
    const ctx = contextOf(request);
    await funds.setFundStatus({ db, ctx, id: request.params.id, input: request.body });
    return funds.getFund({ db, ctx, id: request.params.id });
  });
  app.post(
    `${P}/partner-funds/:id/movements`,
    { schema: { tags, summary: '提出实缴出资或分配回款申请（市科委经办人；待另一位经办人复核后入账）', params: s.idParam, body: s.movementBody, response: { 201: s.movementItem } } },
    async (request, reply) => {
      requireActor(request);
      const ctx = contextOf(request);
      const { id } = await funds.requestMovement({ db, ctx, fundId: request.params.id, input: request.body });
      const { items } = await funds.listMovements({ db, ctx, fundId: request.params.id });
      return reply.status(201).send(items.find((m) => m.id === id)!);
    },
  );
  app.get(`${P}/movements`, { schema: { tags, summary: '出资与回款申请（复核队列与台账）', querystring: s.movementsQuery, response: { 200: s.movementList } } }, async (request) => {
    requireActor(request);
    return funds.listMovements({ db, ctx: contextOf(request), ...request.query });
  });
  app.post(`${P}/movements/:id/approve`, { schema: { tags, summary: '复核通过并入账（制单人以外的市科委经办人）', params: s.idParam, response: { 200: s.ok } } }, async (request) => {
    requireActor(request);
    await funds.approveMovement({ db, ctx: contextOf(request), id: request.params.id });
    return { ok: true as const };
  });
  app.post(`${P}/movements/:id/reject`, { schema: { tags, summary: '复核退回（须说明理由）', params: s.idParam, body: s.rejectBody, response: { 200: s.ok } } }, async (request) => {
    requireActor(request);
    await funds.rejectMovement({ db, ctx: contextOf(request), id: request.params.id, comment: request.body.comment });
    return { ok: true as const };
  });

  // ---------- quarterly portfolio reports ----------
  app.get(`${P}/reports`, { schema: { tags, summary: '季度投资报告（市科委、审计全部；基金管理人本机构的）', querystring: s.reportsQuery, response: { 200: s.reportList } } }, async (request) => {
    requireActor(request);
    return reports.listReports({ db, ctx: contextOf(request), ...request.query });
  });
  app.post(`${P}/reports`, { schema: { tags, summary: '新建季度投资报告（基金管理人；本机构管理的基金）', body: s.createReportBody, response: { 201: s.reportDetail } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await reports.createReport({ db, ctx: contextOf(request), input: request.body }));
  });
  app.get(`${P}/reports/:id`, { schema: { tags, summary: '季度投资报告详情', params: s.idParam, response: { 200: s.reportDetail } } }, async (request) => {
    requireActor(request);
    return reports.getReport({ db, ctx: contextOf(request), id: request.params.id });
  });
  app.put(`${P}/reports/:id`, { schema: { tags, summary: '修改草稿或退回的报告（基金管理人）', params: s.idParam, body: s.updateReportBody, response: { 200: s.reportDetail } } }, async (request) => {
    requireActor(request);
    return reports.updateReport({ db, ctx: contextOf(request), id: request.params.id, input: request.body });
  });
  for (const [action, summary] of [
    ['submit', '提交报告（基金管理人）'],
    ['return', '退回修改（市科委，须填写意见）'],
    ['accept', '审核接受（市科委；投资记入企业档案）'],
  ] as const) {
    app.post(`${P}/reports/:id/${action}`, { schema: { tags, summary, params: s.idParam, body: s.reviewBody, response: { 200: s.reportDetail } } }, async (request) => {
      requireActor(request);
      return reports.moveReport({ db, ctx: contextOf(request), id: request.params.id, action, comment: request.body.comment });
    });
  }

  // ---------- overseas ----------
  app.get(`${P}/overseas`, { schema: { tags, summary: '硅谷孵化器海外投资项目（市科委、审计）', response: { 200: s.overseasList } } }, async (request) => {
    requireActor(request);
    return overseas.listOverseas({ db, ctx: contextOf(request) });
  });
  app.post(`${P}/overseas`, { schema: { tags, summary: '登记海外投资项目（市科委）', body: s.overseasBody, response: { 201: s.ok } } }, async (request, reply) => {
    requireActor(request);
    await overseas.createOverseas({ db, ctx: contextOf(request), input: request.body });
    return reply.status(201).send({ ok: true as const });
  });
  app.post(`${P}/overseas/:id/return`, { schema: { tags, summary: '登记项目回杭落户（关联企业库）', params: s.idParam, body: s.overseasReturnBody, response: { 200: s.ok } } }, async (request) => {
    requireActor(request);
    await overseas.returnOverseas({ db, ctx: contextOf(request), id: request.params.id, input: request.body });
    return { ok: true as const };
  });

  // ---------- charts ----------
  app.get(`${P}/stats`, { schema: { tags, summary: '图表：历年基金规模，按区县和行业的投资分布（市科委、审计）', querystring: s.statsQuery, response: { 200: s.statsResponse } } }, async (request) => {
    requireActor(request);
    assertCityReader(contextOf(request));
    return fundCharts(db, request.query.year ?? Number(businessToday().slice(0, 4)));
  });
};
