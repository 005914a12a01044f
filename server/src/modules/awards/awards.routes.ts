import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../../deps.js";
import { contextOf, requireActor } from "../../http/auth.js";
import * as s from "./awards.schema.js";
import * as service from "./awards.service.js";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * S&T awards: the city's S&T progress award on the case kernel (calls, nominations, formal check,
 * proposed grade; panel, notice and decision through the kernel's routes) and the national and
 * provincial awards won by the city's units (the award.* indicators).
 */
export const awardsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.database.db;
    const tags = ["awards"];

    app.get(
      "/api/awards/calls",
      {
        schema: {
          tags,
          summary: "市科技进步奖评选通知",
          response: { 200: s.callList },
        },
      },
      async (request) => {
        requireActor(request);
        return service.listCalls(db);
      },
    );
    app.post(
      "/api/awards/calls",
      {
        schema: {
          tags,
          summary: "发布年度评选通知（市科委业务处室）",
          body: s.callBody,
          response: { 201: s.callItem },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.createCall(db, contextOf(request), request.body)),
    );

    app.get(
      "/api/awards/nominations",
      {
        schema: {
          tags,
          summary: "科技进步奖提名列表（市科委全部、区县本区、企业本单位）",
          querystring: s.nominationsQuery,
          response: { 200: s.nominationList },
        },
      },
      async (request) =>
        service.listNominations(db, requireActor(request), request.query),
    );
    app.post(
      "/api/awards/nominations",
      {
        schema: {
          tags,
          summary: "填报提名（完成单位的企业用户；须在评选通知受理期内）",
          body: s.nominationBody,
          response: { 201: s.nominationDetail },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await service.createNomination(
              db,
              contextOf(request),
              request.body,
            ),
          ),
    );
    app.get(
      "/api/awards/nominations/:id",
      {
        schema: {
          tags,
          summary: "提名详情（成果、完成人、流程记录、可执行的操作）",
          params: s.idParam,
          response: { 200: s.nominationDetail },
        },
      },
      async (request) =>
        service.getNomination(db, requireActor(request), request.params.id),
    );
    app.get(
      "/api/awards/nominations/:id/certificate.docx",
      {
        schema: {
          tags,
          summary: "下载杭州市科学技术进步奖证书（Word；仅已授奖的提名）",
          params: s.idParam,
          produces: [DOCX_MIME],
        },
      },
      async (request, reply) => {
        const { buffer, fileName } = await service.nominationCertificate(db, requireActor(request), request.params.id);
        return reply
          .header("content-type", DOCX_MIME)
          .header("content-disposition", `attachment; filename="certificate.docx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
          .send(buffer);
      },
    );
    app.put(
      "/api/awards/nominations/:id",
      {
        schema: {
          tags,
          summary: "修改提名（草稿或退回修改时）",
          params: s.idParam,
          body: s.nominationUpdateBody,
          response: { 200: s.nominationDetail },
        },
      },
      async (request) =>
        service.updateNomination(
          db,
          contextOf(request),
          request.params.id,
          request.body,
        ),
    );
    app.post(
      "/api/awards/nominations/:id/actions",
      {
        schema: {
          tags,
          summary:
            "提交提名 / 形式审查（通过、退回、不通过；退回和不通过须填意见）",
          params: s.idParam,
          body: s.actionBody,
          response: { 200: s.nominationDetail },
        },
      },
      async (request) =>
        service.act(db, contextOf(request), request.params.id, request.body),
    );
    app.post(
      "/api/awards/nominations/:id/grade",
      {
        schema: {
          tags,
          summary: "确定拟授奖等级（专家评审完成后、公示前）",
          params: s.idParam,
          body: s.gradeBody,
          response: { 200: s.nominationDetail },
        },
      },
      async (request) =>
        service.setProposedGrade(
          db,
          contextOf(request),
          request.params.id,
          request.body.grade,
        ),
    );

    app.get(
      "/api/awards/records",
      {
        schema: {
          tags,
          summary: "国家、省科技奖获奖登记（区县只看本区单位）",
          querystring: s.recordsQuery,
          response: { 200: s.recordList },
        },
      },
      async (request) =>
        service.listRecords(db, requireActor(request), request.query),
    );
    app.post(
      "/api/awards/records",
      {
        schema: {
          tags,
          summary: "登记国家或省科技奖获奖（市科委业务处室）",
          body: s.recordBody,
          response: { 201: s.recordItem },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await service.createRecord(db, contextOf(request), request.body),
          ),
    );
    app.get(
      "/api/awards/summary",
      {
        schema: {
          tags,
          summary: "当年获奖统计（国家一等、二等，省级，市奖各等级）",
          querystring: s.summaryQuery,
          response: { 200: s.summaryResult },
        },
      },
      async (request) =>
        service.summary(db, requireActor(request), request.query.year),
    );
  };
