import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { forbidden } from '../../http/errors.js';
import { readSingleUpload } from '../../http/upload.js';
import { sendXlsx } from '../../http/attachment.js';
import { assertXlsxWithinLimits, XLSX_MIME } from '../../lib/xlsx.js';
import { backgroundJob } from '../jobs/index.js';
import { cancelBooking, createBooking, getBooking, listBookings } from './bookings.service.js';
import {
  approveClaim,
  reverseClaim,
  createSettlement,
  getClaim,
  getSettlement,
  listClaims,
  listSettlements,
  paySettlement,
  rejectClaim,
  settlementLines,
  submitClaim,
} from './claims.service.js';
import { listFlags, resolveFlag, scanFlags } from './fraud.service.js';
import { claimFileRoutes } from './claim-files.routes.js';
import { checkLedger } from './ledger.repo.js';
import { addService, createHolder, getProvider, listHolders, listProviders, myProvider, registerProvider, setProviderStatus } from './participants.service.js';
import { statistics } from './stats.service.js';
import { assertCityOfficer, isCityReader } from './vouchers.policy.js';
import { issuanceTemplate, settlementWorkbook } from './vouchers.excel.js';
import { startListIssuance } from './vouchers.issuance-job.js';
import * as s from './vouchers.schema.js';
import { assertCanIssue, createPolicy, expirePolicy, getBalance, getPolicy, issueVouchers, listPolicies, updatePolicy } from './vouchers.service.js';

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const vouchersRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.database.db;
    const tags = ['vouchers'];

    // ── policies ──────────────────────────────────────────────────────────────
    app.get(
      '/api/vouchers/policies',
      {
        schema: {
          tags,
          summary: '创新券政策列表',
          response: { 200: s.policyList },
        },
      },
      async (request) => {
        requireActor(request);
        return listPolicies({ db, ctx: contextOf(request) });
      },
    );
    app.post(
      '/api/vouchers/policies',
      {
        schema: {
          tags,
          summary: '新建创新券政策（市科委）',
          body: s.createPolicyBody,
          response: { 201: s.policyOut },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(
          await createPolicy({
            db,
            ctx: contextOf(request),
            input: request.body,
          }),
        );
      },
    );
    app.get(
      '/api/vouchers/policies/:id',
      {
        schema: {
          tags,
          summary: '创新券政策详情',
          params: s.idParam,
          response: { 200: s.policyOut },
        },
      },
      async (request) => {
        requireActor(request);
        return getPolicy({
          db,
          ctx: contextOf(request),
          id: request.params.id,
        });
      },
    );
    app.patch(
      '/api/vouchers/policies/:id',
      {
        schema: {
          tags,
          summary: '修改创新券政策（乐观锁）',
          params: s.idParam,
          body: s.patchPolicyBody,
          response: { 200: s.policyOut },
        },
      },
      async (request) => {
        requireActor(request);
        return updatePolicy({
          db,
          ctx: contextOf(request),
          id: request.params.id,
          input: request.body,
        });
      },
    );
    app.post(
      '/api/vouchers/policies/:id/expire',
      {
        schema: {
          tags,
          summary: '到期处理：释放冻结、余额收回预算',
          params: s.idParam,
          response: { 200: s.expireResult },
        },
      },
      async (request) => {
        requireActor(request);
        return expirePolicy({
          db,
          ctx: contextOf(request),
          id: request.params.id,
        });
      },
    );

    // ── issuance ──────────────────────────────────────────────────────────────
    app.post(
      '/api/vouchers/issuances',
      {
        schema: {
          tags,
          summary: '向持有人发放创新券（超出上限或预算拒绝）',
          body: s.issueBody,
          response: { 201: s.issueOut },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const ctx = contextOf(request);
        const { movementIds } = await issueVouchers({
          db,
          ctx,
          policyId: request.body.policyId,
          items: [{ holderId: request.body.holderId, amount: request.body.amount }],
        });
        const balance = await getBalance({
          db,
          ctx,
          holderId: request.body.holderId,
          policyId: request.body.policyId,
        });
        return reply.status(201).send({
          movementId: movementIds[0],
          policyId: request.body.policyId,
          holderId: request.body.holderId,
          amount: request.body.amount,
          balance,
        });
      },
    );
    app.get(
      '/api/vouchers/issuances/template',
      {
        schema: {
          tags,
          summary: '下载批量发放名单模板',
          produces: [XLSX_MIME],
        },
      },
      async (request, reply) => {
        assertCityOfficer(requireActor(request), '批量发放');
        return sendXlsx(reply, '创新券发放名单模板.xlsx', await issuanceTemplate());
      },
    );
    app.post(
      '/api/vouchers/issuances/import',
      {
        schema: {
          tags,
          summary: '按审定名单（Excel）批量发放：立即返回 202 与后台任务（GET /api/jobs/{id} 看进度和结果）；全部成功或全部不发放',
          querystring: z.object({
            policyId: z.coerce.number().int().positive().max(2147483647),
          }),
          consumes: ['multipart/form-data'],
          response: { 202: backgroundJob },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const { buffer, filename } = await readSingleUpload(request, {
          maxBytes: MAX_UPLOAD_BYTES,
          authorise: () => assertCanIssue({ db, ctx: contextOf(request), policyId: request.query.policyId }),
        });
        // .xls and CSV get the steps to convert; a zip bomb is refused before any job starts.
        assertXlsxWithinLimits(buffer);
        const job = await startListIssuance({ database: deps.database, ctx: contextOf(request), policyId: request.query.policyId, buffer, filename, log: app.log });
        return reply.status(202).send(job);
      },
    );

    // ── holders ───────────────────────────────────────────────────────────────
    app.get(
      '/api/vouchers/holders',
      {
        schema: {
          tags,
          summary: '创新券持有人（按角色范围）',
          querystring: s.holderQuery,
          response: { 200: s.holderPage },
        },
      },
      async (request) => {
        requireActor(request);
        return listHolders({
          db,
          ctx: contextOf(request),
          query: request.query,
        });
      },
    );
    app.post(
      '/api/vouchers/holders',
      {
        schema: {
          tags,
          summary: '登记持有人（企业库企业或创业团队）',
          body: s.createHolderBody,
          response: { 201: s.holderOut },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(
          await createHolder({
            db,
            ctx: contextOf(request),
            input: request.body,
          }),
        );
      },
    );
    app.get(
      '/api/vouchers/holders/:holderId/balance',
      {
        schema: {
          tags,
          summary: '持有人创新券余额（元）',
          params: s.holderIdParam,
          querystring: s.balanceQuery,
          response: { 200: s.balanceOut },
        },
      },
      async (request) => {
        requireActor(request);
        return getBalance({
          db,
          ctx: contextOf(request),
          holderId: request.params.holderId,
          policyId: request.query.policyId,
        });
      },
    );

    // ── providers ─────────────────────────────────────────────────────────────
    app.get(
      '/api/vouchers/providers',
      {
        schema: {
          tags,
          summary: '服务机构及其服务类别',
          querystring: s.providerQuery,
          response: { 200: s.providerPage },
        },
      },
      async (request) => {
        requireActor(request);
        return listProviders({
          db,
          ctx: contextOf(request),
          query: request.query,
        });
      },
    );
    app.post(
      '/api/vouchers/providers',
      {
        schema: {
          tags,
          summary: '服务机构登记（机构自行登记待审核；市科委登记即通过）',
          body: s.createProviderBody,
          response: { 201: s.providerDetail },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(
          await registerProvider({
            db,
            ctx: contextOf(request),
            pii: deps.pii,
            input: request.body,
          }),
        );
      },
    );
    app.get(
      '/api/vouchers/providers/me',
      {
        schema: {
          tags,
          summary: '本机构的服务机构登记与服务目录',
          response: { 200: s.providerDetail },
        },
      },
      async (request) => {
        requireActor(request);
        return myProvider({ db, ctx: contextOf(request) });
      },
    );
    app.get(
      '/api/vouchers/providers/:id',
      {
        schema: {
          tags,
          summary: '服务机构详情与服务目录',
          params: s.idParam,
          response: { 200: s.providerDetail },
        },
      },
      async (request) => {
        requireActor(request);
        return getProvider({
          db,
          ctx: contextOf(request),
          id: request.params.id,
        });
      },
    );
    app.post(
      '/api/vouchers/providers/:id/status',
      {
        schema: {
          tags,
          summary: '服务机构审核、暂停、列入黑名单（市科委）',
          params: s.idParam,
          body: s.providerStatusBody,
          response: { 200: s.providerDetail },
        },
      },
      async (request) => {
        requireActor(request);
        return setProviderStatus({
          db,
          ctx: contextOf(request),
          id: request.params.id,
          status: request.body.status,
          note: request.body.note,
        });
      },
    );
    app.post(
      '/api/vouchers/providers/:id/services',
      {
        schema: {
          tags,
          summary: '新增服务项目（本机构或市科委）',
          params: s.idParam,
          body: s.serviceBody,
          response: { 201: s.serviceOut },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(
          await addService({
            db,
            ctx: contextOf(request),
            providerId: request.params.id,
            input: request.body,
          }),
        );
      },
    );

    // ── bookings ──────────────────────────────────────────────────────────────
    app.post(
      '/api/vouchers/bookings',
      {
        schema: {
          tags,
          summary: '预约服务并冻结创新券（支持 Idempotency-Key）',
          headers: s.idempotencyHeaders,
          body: s.bookingBody,
          response: { 201: s.bookingOut, 409: s.errorOut },
        },
      },
      async (request, reply) => {
        requireActor(request);
        const answer = await createBooking({
          db,
          ctx: contextOf(request),
          input: request.body,
          idempotencyKey: request.headers['idempotency-key'],
        });
        if (answer.statusCode !== 201) {
          // A remembered refusal (409), replayed exactly as first answered.
          return reply.status(409).send(answer.body as z.infer<typeof s.errorOut>);
        }
        return reply.status(201).send(answer.body as z.infer<typeof s.bookingOut>);
      },
    );
    app.get(
      '/api/vouchers/bookings',
      {
        schema: {
          tags,
          summary: '预约列表（持有人本企业、机构本机构、区县本辖区）',
          querystring: s.bookingQuery,
          response: { 200: s.bookingPage },
        },
      },
      async (request) => {
        requireActor(request);
        return listBookings({
          db,
          ctx: contextOf(request),
          query: request.query,
        });
      },
    );
    app.get(
      '/api/vouchers/bookings/:id',
      {
        schema: {
          tags,
          summary: '预约详情',
          params: s.idParam,
          response: { 200: s.bookingOut },
        },
      },
      async (request) => {
        requireActor(request);
        return getBooking({
          db,
          ctx: contextOf(request),
          id: request.params.id,
        });
      },
    );
    app.post(
      '/api/vouchers/bookings/:id/cancel',
      {
        schema: {
          tags,
          summary: '取消预约（释放冻结）',
          params: s.idParam,
          response: { 200: s.bookingOut },
        },
      },
      async (request) => {
        requireActor(request);
        return cancelBooking({
          db,
          ctx: contextOf(request),
          id: request.params.id,
        });
      },
    );

    // ── claims ────────────────────────────────────────────────────────────────
    app.post(
      '/api/vouchers/claims',
      {
        schema: {
          tags,
          summary: '申请兑付：通兑（机构申请）或通用（持有人全额付款后报销）',
          body: s.claimBody,
          response: { 201: s.claimOut },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(
          await submitClaim({
            db,
            ctx: contextOf(request),
            input: request.body,
          }),
        );
      },
    );
    app.get(
      '/api/vouchers/claims',
      {
        schema: {
          tags,
          summary: '兑付申请列表',
          querystring: s.claimQuery,
          response: { 200: s.claimPage },
        },
      },
      async (request) => {
        requireActor(request);
        return listClaims({
          db,
          ctx: contextOf(request),
          query: request.query,
        });
      },
    );
    app.get(
      '/api/vouchers/claims/:id',
      {
        schema: {
          tags,
          summary: '兑付申请详情',
          params: s.idParam,
          response: { 200: s.claimOut },
        },
      },
      async (request) => {
        requireActor(request);
        return getClaim({ db, ctx: contextOf(request), id: request.params.id });
      },
    );
    app.post(
      '/api/vouchers/claims/:id/approve',
      {
        schema: {
          tags,
          summary: '审核通过兑付（市科委）',
          params: s.idParam,
          body: s.decisionBody,
          response: { 200: s.claimOut },
        },
      },
      async (request) => {
        requireActor(request);
        return approveClaim({
          db,
          ctx: contextOf(request),
          id: request.params.id,
          note: request.body.note,
        });
      },
    );
    app.post(
      '/api/vouchers/claims/:id/reject',
      {
        schema: {
          tags,
          summary: '驳回兑付申请（市科委）',
          params: s.idParam,
          body: s.rejectBody,
          response: { 200: s.claimOut },
        },
      },
      async (request) => {
        requireActor(request);
        return rejectClaim({
          db,
          ctx: contextOf(request),
          id: request.params.id,
          note: request.body.note,
        });
      },
    );

    app.post(
    '/api/vouchers/claims/:id/reverse',
    { schema: { tags, summary: '冲正已通过但未结算的兑付（市科委，须填写理由）', params: s.idParam, body: s.rejectBody, response: { 200: s.claimOut } } },
    async (request) => {
      requireActor(request);
      return reverseClaim({ db, ctx: contextOf(request), id: request.params.id, note: request.body.note });
    },
  );

  await app.register(claimFileRoutes(deps));

  // ── settlements ───────────────────────────────────────────────────────────
    app.post(
      '/api/vouchers/settlements',
      {
        schema: {
          tags,
          summary: '生成机构结算批次（市科委）',
          body: s.settlementBody,
          response: { 201: s.settlementOut },
        },
      },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(
          await createSettlement({
            db,
            ctx: contextOf(request),
            policyId: request.body.policyId,
            providerId: request.body.providerId,
          }),
        );
      },
    );
    app.get(
      '/api/vouchers/settlements',
      {
        schema: {
          tags,
          summary: '结算批次列表',
          querystring: s.settlementQuery,
          response: { 200: s.settlementPage },
        },
      },
      async (request) => {
        requireActor(request);
        return listSettlements({
          db,
          ctx: contextOf(request),
          query: request.query,
        });
      },
    );
    app.get(
      '/api/vouchers/settlements/:id',
      {
        schema: {
          tags,
          summary: '结算批次',
          params: s.idParam,
          response: { 200: s.settlementOut },
        },
      },
      async (request) => {
        requireActor(request);
        return getSettlement({
          db,
          ctx: contextOf(request),
          id: request.params.id,
        });
      },
    );
    app.get(
      '/api/vouchers/settlements/:id/export',
      {
        schema: {
          tags,
          summary: '导出结算批次付款清单（Excel）',
          params: s.idParam,
          produces: [XLSX_MIME],
        },
      },
      async (request, reply) => {
        requireActor(request);
        const { settlement, lines } = await settlementLines({
          db,
          ctx: contextOf(request),
          id: request.params.id,
        });
        return sendXlsx(reply, `创新券结算批次-${settlement.id}.xlsx`, settlementWorkbook(settlement, lines));
      },
    );
    app.post(
      '/api/vouchers/settlements/:id/pay',
      {
        schema: {
          tags,
          summary: '登记批次已付款（市科委；付款流水号与付款日期）',
          params: s.idParam,
          body: s.paymentBody,
          response: { 200: s.settlementOut },
        },
      },
      async (request) => {
        requireActor(request);
        return paySettlement({
          db,
          ctx: contextOf(request),
          id: request.params.id,
          payment: request.body,
        });
      },
    );

    // ── statistics, flags, ledger check ───────────────────────────────────────
    app.get(
      '/api/vouchers/statistics',
      {
        schema: {
          tags,
          summary: '发放、使用、使用率、持有人数（按区县/机构/类别/月份）',
          querystring: s.statsQuery,
          response: { 200: s.statsOut },
        },
      },
      async (request) => {
        requireActor(request);
        return statistics({
          database: deps.database,
          ctx: contextOf(request),
          year: request.query.year,
          by: request.query.by,
        });
      },
    );
    app.get(
      '/api/vouchers/flags',
      {
        schema: {
          tags,
          summary: '风险线索队列',
          querystring: s.flagQuery,
          response: { 200: s.flagPage },
        },
      },
      async (request) => {
        requireActor(request);
        return listFlags({ db, ctx: contextOf(request), query: request.query });
      },
    );
    app.post(
      '/api/vouchers/flags/scan',
      {
        schema: {
          tags,
          summary: '运行风险扫描（市科委）',
          response: { 200: s.scanOut },
        },
      },
      async (request) => {
        requireActor(request);
        return scanFlags({ db, ctx: contextOf(request) });
      },
    );
    app.post(
      '/api/vouchers/flags/:id/resolve',
      {
        schema: {
          tags,
          summary: '处理风险线索（留痕）',
          params: s.idParam,
          body: s.resolveFlagBody,
          response: { 200: z.object({ id: z.number(), status: z.string() }) },
        },
      },
      async (request) => {
        requireActor(request);
        return resolveFlag({
          db,
          ctx: contextOf(request),
          id: request.params.id,
          resolution: request.body.resolution,
          note: request.body.note,
        });
      },
    );
    app.get(
      '/api/vouchers/ledger/check',
      {
        schema: {
          tags,
          summary: '账本核对：借贷平衡、无负余额、持有人恒等式、预算上限',
          response: { 200: s.ledgerCheckOut },
        },
      },
      async (request) => {
        if (!isCityReader(requireActor(request))) {
          throw forbidden('无权核对创新券账本');
        }
        const { totalFen, ...c } = await checkLedger(deps.database);
        const balanced = c.unbalancedMovements + c.driftedAccounts + c.negativeAccounts + c.holderMismatches + c.overBudgetPolicies === 0 && totalFen === 0;
        return { balanced, ...c, total: totalFen / 100 };
      },
    );
  };
