import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../deps.js";
import { contextOf, requireActor } from "../../http/auth.js";
import * as s from "./allocations.schema.js";
import * as service from "./allocations.service.js";

/** Factor-method allocation (因素法, RULES §6): the preview of the contract, plans (draft → approved, booked), the districts' balances. */
export const allocationsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.database.db;
    const tags = ["allocations"];

    app.post(
      "/api/allocations/factor-method/preview",
      {
        schema: {
          tags,
          summary:
            "因素法分配试算（RULES §6：份额六位小数四舍五入，金额按分精确，余数按小数部分从大到小分配）",
          body: s.previewBody,
          response: { 200: s.previewResult },
        },
      },
      async (request) =>
        service.preview(db, requireActor(request), request.body),
    );

    app.get(
      "/api/allocations/plans",
      {
        schema: {
          tags,
          summary: "分配方案列表（区县科技局只看已下达方案中本区县的金额）",
          querystring: s.listQuery,
          response: { 200: s.planList },
        },
      },
      async (request) =>
        service.listPlans(db, requireActor(request), request.query),
    );

    app.post(
      "/api/allocations/plans",
      {
        schema: {
          tags,
          summary:
            "保存分配方案草稿（市科委业务处室；更正已下达方案时填 correctsPlanId）",
          body: s.planBody,
          response: { 201: s.planDetail },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createPlan(db, contextOf(request), request.body)),
    );

    app.get(
      "/api/allocations/plans/:id",
      {
        schema: {
          tags,
          summary: "分配方案详情（因素、权重、各区县因素值、份额、金额、记账）",
          params: s.idParam,
          response: { 200: s.planDetail },
        },
      },
      async (request) =>
        service.getPlan(db, requireActor(request), request.params.id),
    );

    app.put(
      "/api/allocations/plans/:id",
      {
        schema: {
          tags,
          summary: "修改分配方案草稿（保存人成为制单人）",
          params: s.idParam,
          body: s.planUpdateBody,
          response: { 200: s.planDetail },
        },
      },
      async (request) =>
        service.updatePlan(
          db,
          contextOf(request),
          request.params.id,
          request.body,
        ),
    );

    app.post(
      "/api/allocations/plans/:id/approve",
      {
        schema: {
          tags,
          summary:
            "审批下达分配方案（制单人以外的业务处室或计划财务处；记入各区县切块资金账户，更正方案同时冲回原方案）",
          params: s.idParam,
          body: s.approveBody,
          response: { 200: s.planDetail },
        },
      },
      async (request) =>
        service.approvePlan(
          db,
          contextOf(request),
          request.params.id,
          request.body.version,
        ),
    );

    app.get(
      "/api/allocations/balances",
      {
        schema: {
          tags,
          summary: "各区县当年已下达的切块资金（账务余额）",
          querystring: s.balancesQuery,
          response: { 200: s.balancesResult },
        },
      },
      async (request) =>
        service.districtBalances(db, requireActor(request), request.query.year),
    );
  };
