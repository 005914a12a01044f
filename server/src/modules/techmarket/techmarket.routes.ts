import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import * as auctions from './techmarket.auctions.service.js';
import { renderRegistrationCertificate } from './techmarket.certificate.js';
import * as deals from './techmarket.deals.service.js';
import * as s from './techmarket.schema.js';
import * as service from './techmarket.service.js';

const P = '/api/techmarket';
const ok = z.object({ ok: z.literal(true) });

export const techmarketRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const pii = deps.pii;
  const tags = ['techmarket'];

  // ---------- public market ----------
  app.get(
    `${P}/listings`,
    { schema: { tags, security: [], summary: '技术市场检索（公开，仅已审核通过的成果与需求；中文分词全文检索，标题命中在前）', querystring: s.searchQuery, response: { 200: s.listingPage } } },
    async (request) => service.searchListings({ db, query: request.query }),
  );
  app.get(
    `${P}/listings/:id`,
    { schema: { tags, security: [], summary: '成果/需求详情（公开已审核的；发布单位与管理部门可见未审核的）', params: s.idParam, response: { 200: s.listingDetail } } },
    async (request) => service.getListing({ db, actor: request.actor, id: request.params.id, pii }),
  );
  app.get(`${P}/auctions`, { schema: { tags, security: [], summary: '拍卖列表（公开）', response: { 200: s.auctionList } } }, async (request) =>
    auctions.listAuctions({ db, actor: request.actor }),
  );
  app.get(`${P}/auctions/:id`, { schema: { tags, security: [], summary: '拍卖详情与出价记录（公开，竞买人匿名）', params: s.idParam, response: { 200: s.auctionDetail } } }, async (request) =>
    auctions.getAuction({ db, actor: request.actor, id: request.params.id }),
  );

  // ---------- listings: owners and moderation ----------
  app.post(`${P}/listings`, { schema: { tags, summary: '发布成果或需求（企业用户；待审核）', body: s.createListingBody, response: { 201: s.createdListing } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await service.createListing({ db, ctx: contextOf(request), pii, input: request.body }));
  });
  app.patch(`${P}/listings/:id`, { schema: { tags, summary: '修改本单位发布的信息（重新进入审核；乐观锁）', params: s.idParam, body: s.patchListingBody, response: { 200: s.listingDetail } } }, async (request) => {
    requireActor(request);
    return service.updateListing({ db, ctx: contextOf(request), pii, id: request.params.id, input: request.body });
  });
  app.post(`${P}/listings/:id/withdraw`, { schema: { tags, summary: '撤回本单位发布的信息', params: s.idParam, response: { 200: s.createdListing } } }, async (request) => {
    requireActor(request);
    return service.withdrawListing({ db, ctx: contextOf(request), id: request.params.id });
  });
  app.post(`${P}/listings/:id/approve`, { schema: { tags, summary: '审核通过（市科委）', params: s.idParam, response: { 200: s.createdListing } } }, async (request) => {
    requireActor(request);
    return service.approveListing({ db, ctx: contextOf(request), id: request.params.id });
  });
  app.post(`${P}/listings/:id/reject`, { schema: { tags, summary: '审核退回并说明理由（市科委）', params: s.idParam, body: s.rejectBody, response: { 200: s.createdListing } } }, async (request) => {
    requireActor(request);
    return service.rejectListing({ db, ctx: contextOf(request), id: request.params.id, reason: request.body.reason });
  });
  app.get(`${P}/listings/:id/matches`, { schema: { tags, summary: '供需匹配推荐（文本相似度＋领域＋地区）', params: s.idParam, response: { 200: s.matchList } } }, async (request) =>
    service.matchListing({ db, actor: requireActor(request), id: request.params.id }),
  );
  app.get(`${P}/my/listings`, { schema: { tags, summary: '本单位发布的信息（全部状态）', querystring: s.myListingsQuery, response: { 200: s.listingPage } } }, async (request) =>
    service.listMyListings({ db, actor: requireActor(request), ...request.query }),
  );
  app.get(`${P}/moderation`, { schema: { tags, summary: '审核队列（市科委、审计；区县看本区县）', querystring: s.moderationQuery, response: { 200: s.listingPage } } }, async (request) =>
    service.listModeration({ db, actor: requireActor(request), ...request.query }),
  );

  // ---------- subscriptions & notifications ----------
  app.get(`${P}/subscriptions`, { schema: { tags, summary: '我的订阅（保存的检索）', response: { 200: s.subscriptionList } } }, async (request) =>
    service.listSubscriptions({ db, actor: requireActor(request) }),
  );
  app.post(`${P}/subscriptions`, { schema: { tags, summary: '订阅检索条件，有新匹配时站内通知', body: s.subscriptionBody, response: { 201: s.subscription } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await service.createSubscription({ db, ctx: contextOf(request), input: request.body }));
  });
  app.delete(`${P}/subscriptions/:id`, { schema: { tags, summary: '取消订阅', params: s.idParam, response: { 200: ok } } }, async (request) => {
    requireActor(request);
    await service.deleteSubscription({ db, ctx: contextOf(request), id: request.params.id });
    return { ok: true as const };
  });
  app.get(`${P}/notifications`, { schema: { tags, summary: '我的技术市场站内通知', response: { 200: s.notificationList } } }, async (request) =>
    service.listNotifications({ db, actor: requireActor(request) }),
  );
  app.post(`${P}/notifications/:id/read`, { schema: { tags, summary: '标记通知已读', params: s.idParam, response: { 200: ok } } }, async (request) => {
    requireActor(request);
    await service.readNotification({ db, ctx: contextOf(request), id: request.params.id });
    return { ok: true as const };
  });

  // ---------- deals and contract registration ----------
  app.get(`${P}/deals`, { schema: { tags, summary: '成交记录（含登记期限与预警）', querystring: s.dealsQuery, response: { 200: s.dealPage } } }, async (request) =>
    deals.listDeals({ db, actor: requireActor(request), atRisk: request.query.atRisk === 'true', limit: request.query.limit, cursor: request.query.cursor }),
  );
  app.get(`${P}/deals/:id`, { schema: { tags, summary: '成交详情', params: s.idParam, response: { 200: s.deal } } }, async (request) =>
    deals.getDeal({ db, actor: requireActor(request), id: request.params.id }),
  );
  app.post(`${P}/deals`, { schema: { tags, summary: '登记成交（来自发布信息或线下）', body: s.createDealBody, response: { 201: s.deal } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await deals.createDeal({ db, ctx: contextOf(request), input: request.body }));
  });
  app.post(`${P}/deals/:id/registration`, { schema: { tags, summary: '卖方提交（或退回后重新提交）技术合同认定登记', params: s.idParam, body: s.submitRegistrationBody, response: { 201: s.registration } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await deals.submitRegistration({ db, ctx: contextOf(request), dealId: request.params.id, input: request.body }));
  });
  app.get(`${P}/registrations`, { schema: { tags, summary: '认定登记申请列表', querystring: s.registrationsQuery, response: { 200: s.registrationPage } } }, async (request) =>
    deals.listRegistrations({ db, actor: requireActor(request), ...request.query }),
  );
  app.get(`${P}/registrations/:id`, { schema: { tags, summary: '认定登记申请详情', params: s.idParam, response: { 200: s.registration } } }, async (request) =>
    deals.getRegistration({ db, actor: requireActor(request), id: request.params.id }),
  );
  app.get(
    `${P}/registrations/:id/certificate.docx`,
    { schema: { tags, summary: '下载 Word 技术合同登记证明（已认定登记的合同）', params: s.idParam, produces: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'] } },
    async (request, reply) => {
      const r = await deals.getRegistration({ db, actor: requireActor(request), id: request.params.id });
      const body = await renderRegistrationCertificate(r);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="registration.docx"; filename*=UTF-8''${encodeURIComponent(`技术合同登记证明-${r.registrationNo}.docx`)}`)
        .send(body);
    },
  );
  app.post(`${P}/registrations/:id/register`, { schema: { tags, summary: '登记员认定登记（核定类型与技术交易额，编号）', params: s.idParam, body: s.registerBody, response: { 200: s.registration } } }, async (request) => {
    requireActor(request);
    return deals.registerContract({ db, ctx: contextOf(request), id: request.params.id, ...request.body });
  });
  app.post(`${P}/registrations/:id/return`, { schema: { tags, summary: '登记员退回并说明理由', params: s.idParam, body: s.returnBody, response: { 200: s.registration } } }, async (request) => {
    requireActor(request);
    return deals.returnRegistration({ db, ctx: contextOf(request), id: request.params.id, reasons: request.body.reasons });
  });
  app.get(`${P}/registration-rules`, { schema: { tags, summary: '认定登记规则（版本）', response: { 200: s.ruleList } } }, async (request) => {
    requireActor(request);
    return deals.listRules({ db });
  });
  app.post(`${P}/registration-rules`, { schema: { tags, summary: '新增登记规则版本（市科委）', body: s.ruleBody, response: { 201: s.rule } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await deals.createRule({ db, ctx: contextOf(request), input: request.body }));
  });

  // ---------- auctions ----------
  app.post(`${P}/auctions`, { schema: { tags, summary: '发起拍卖（市科委）', body: s.createAuctionBody, response: { 201: s.auctionDetail } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await auctions.createAuction({ db, ctx: contextOf(request), input: request.body }));
  });
  app.post(`${P}/auctions/:id/bids`, { schema: { tags, summary: '出价（企业用户；英式拍卖，防狙击延时）', params: s.idParam, body: s.bidBody, response: { 201: s.bidResult } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await auctions.placeBid({ db, ctx: contextOf(request), auctionId: request.params.id, amount: request.body.amount }));
  });
  app.post(`${P}/auctions/:id/close`, { schema: { tags, summary: '结束拍卖（达到保留价的最高出价成交）', params: s.idParam, response: { 200: s.auctionDetail } } }, async (request) => {
    requireActor(request);
    return auctions.closeAuction({ db, ctx: contextOf(request), id: request.params.id });
  });

  // ---------- statistics ----------
  app.get(`${P}/stats`, { schema: { tags, summary: '技术市场统计（按年、区县、类型、领域）', querystring: s.statsQuery, response: { 200: s.stats } } }, async (request) =>
    deals.getStats({ db, actor: requireActor(request), year: request.query.year, district: request.query.district }),
  );
};
