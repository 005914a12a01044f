import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../deps.js";
import { contextOf, requireActor } from "../../http/auth.js";
import * as s from "./matching.schema.js";
import * as service from "./matching.service.js";

/** Matching funds (配套资金): policy versions, national/provincial projects with the city's promise, payments through the payments kernel. */
export const matchingRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.database.db;
    const tags = ["allocations"];
    app.get(
      "/api/matching/policies",
      {
        schema: {
          tags,
          summary: "配套资金政策（各级别的配套比例和上限，按生效日期分版本）",
          response: { 200: s.policyList },
        },
      },
      async (request) => {
        requireActor(request);
        return service.listPolicies(db);
      },
    );
    app.post(
      "/api/matching/policies",
      {
        schema: {
          tags,
          summary: "新增配套政策版本（市科委业务处室）",
          body: s.policyBody,
          response: { 201: s.policyList },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await service.createPolicy(db, contextOf(request), request.body),
          ),
    );
    app.get(
      "/api/matching/projects",
      {
        schema: {
          tags,
          summary:
            "国家、省科技项目配套登记（承诺与已拨付；区县本区、企业本单位）",
          querystring: s.projectsQuery,
          response: { 200: s.projectList },
        },
      },
      async (request) =>
        service.listProjects(db, requireActor(request), request.query),
    );
    app.post(
      "/api/matching/projects",
      {
        schema: {
          tags,
          summary: "登记国家或省项目并按立项日生效的政策承诺市级配套（记账）",
          body: s.projectBody,
          response: { 201: s.projectItem },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await service.registerProject(db, contextOf(request), request.body),
          ),
    );
    app.post(
      "/api/matching/projects/:id/payments",
      {
        schema: {
          tags,
          summary: "发起配套资金拨付（生成支付指令，由计划财务处复核）",
          params: s.idParam,
          body: s.paymentBody,
          response: { 200: s.projectItem },
        },
      },
      async (request) =>
        service.preparePaymentOf(
          db,
          contextOf(request),
          request.params.id,
          request.body.amount,
        ),
    );
  };
