import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import * as s from './experts.schema.js';
import * as experts from './experts.service.js';
import { downloadMaterial } from './panel.materials.js';
import * as panel from './panel.service.js';

const declarationResult = z.object({ memberId: z.number(), status: z.string(), statusName: z.string() });

export const expertsRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const db = deps.database.db;
    const tags = ['experts'];

    // ── the pool (city officer) ─────────────────────────────────────────────────────────────
    app.get(
      '/api/experts',
      { schema: { tags, summary: '专家库列表（按类别、专业领域、是否在库筛选，游标分页）', querystring: s.expertQuery, response: { 200: s.expertPage } } },
      async (request) => experts.listExperts({ db, actor: requireActor(request), query: request.query }),
    );

    app.post(
      '/api/experts',
      { schema: { tags, summary: '新增专家', body: s.createExpertBody, response: { 201: s.expertDetail } } },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await experts.createExpert({ db, ctx: contextOf(request), input: request.body }));
      },
    );

    app.get(
      '/api/experts/:id',
      { schema: { tags, summary: '专家详情（含关联企业）', params: s.idParam, response: { 200: s.expertDetail } } },
      async (request) => experts.getExpert({ db, actor: requireActor(request), id: request.params.id }),
    );

    app.patch(
      '/api/experts/:id',
      { schema: { tags, summary: '修改专家（乐观锁：须带 version，过期返回 409）', params: s.idParam, body: s.patchExpertBody, response: { 200: s.expertDetail } } },
      async (request) => {
        requireActor(request);
        return experts.updateExpert({ db, ctx: contextOf(request), id: request.params.id, input: request.body });
      },
    );

    app.post(
      '/api/experts/:id/links',
      { schema: { tags, summary: '登记专家的关联企业（任职、持股、原任职、近亲属），用于回避', params: s.idParam, body: s.linkBody, response: { 201: s.linkView } } },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await experts.addLink({ db, ctx: contextOf(request), expertId: request.params.id, input: request.body }));
      },
    );

    app.delete(
      '/api/experts/:id/links/:linkId',
      { schema: { tags, summary: '删除专家的关联企业', params: s.linkParam, response: { 200: z.object({ ok: z.literal(true) }) } } },
      async (request) => {
        requireActor(request);
        await experts.removeLink({ db, ctx: contextOf(request), expertId: request.params.id, linkId: request.params.linkId });
        return { ok: true as const };
      },
    );

    // ── the expert's own links ──────────────────────────────────────────────────────────────
    app.get(
      '/api/expert/me/links',
      { schema: { tags, summary: '我的关联企业（评审专家本人）', response: { 200: s.linkList } } },
      async (request) => experts.myLinks({ db, actor: requireActor(request) }),
    );

    app.post(
      '/api/expert/me/links',
      { schema: { tags, summary: '申报我的关联企业（评审专家本人）', body: s.linkBody, response: { 201: s.linkView } } },
      async (request, reply) => {
        requireActor(request);
        return reply.status(201).send(await experts.declareMyLink({ db, ctx: contextOf(request), input: request.body }));
      },
    );

    // ── panels (city officer): on any case (/api/cases/:id), and the recognitions' own paths ──
    for (const [prefix, instrument] of [
      ['/api/cases', undefined],
      ['/api/recognition-applications', 'recognitions'],
    ] as const) {
      app.get(
        `${prefix}/:id/panel`,
        { schema: { tags, summary: '评审专家组：成员、声明与评分状态、每次抽取记录', params: s.idParam, response: { 200: s.panelView } } },
        async (request) => panel.getPanel({ db, actor: requireActor(request), caseId: request.params.id, instrument }),
      );

      app.post(
        `${prefix}/:id/panel`,
        { schema: { tags, summary: '随机抽取评审专家（回避关联专家，满足组成规则），进入专家评审', params: s.idParam, body: s.drawBody, response: { 201: s.panelView } } },
        async (request, reply) => {
          requireActor(request);
          return reply.status(201).send(await panel.drawCasePanel({ db, ctx: contextOf(request), caseId: request.params.id, instrument, reason: request.body.reason, size: request.body.size }));
        },
      );

      app.post(
        `${prefix}/:id/panel/redraw`,
        { schema: { tags, summary: '替换一名评审专家（须说明理由，重新随机抽取并记录）', params: s.idParam, body: s.redrawBody, response: { 200: s.panelView } } },
        async (request) => {
          requireActor(request);
          return panel.redrawMember({ db, ctx: contextOf(request), caseId: request.params.id, instrument, expertId: request.body.expertId, reason: request.body.reason });
        },
      );
    }

    // ── the expert workspace ────────────────────────────────────────────────────────────────
    app.get(
      '/api/expert/assignments',
      { schema: { tags, summary: '我的评审任务（评审专家本人）', response: { 200: s.assignmentList } } },
      async (request) => panel.listAssignments({ db, actor: requireActor(request) }),
    );

    app.get(
      '/api/expert/assignments/:memberId',
      { schema: { tags, summary: '评审任务详情：申报材料与规则引擎计算的评分档位（须先声明无利益冲突）', params: s.memberParam, response: { 200: s.caseView } } },
      async (request) => panel.getCase({ db, actor: requireActor(request), memberId: request.params.memberId }),
    );

    app.get(
      '/api/expert/assignments/:memberId/materials/:attachmentId',
      { schema: { tags, summary: '查看申报材料（只读；须已声明无利益冲突且评审任务进行中；每次下载记入审计日志）', params: s.materialParams, produces: ['application/octet-stream'] } },
      async (request, reply) => {
        requireActor(request);
        const file = await downloadMaterial({ db, ctx: contextOf(request), memberId: request.params.memberId, attachmentId: request.params.attachmentId });
        return reply
          .header('content-type', file.mimeType)
          .header('content-disposition', `inline; filename="material"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'no-store')
          .send(file.content);
      },
    );

    app.post(
      '/api/expert/assignments/:memberId/declaration',
      { schema: { tags, summary: '利益冲突声明（查看材料和评分之前）', params: s.memberParam, body: s.declarationBody, response: { 200: declarationResult } } },
      async (request) => {
        requireActor(request);
        return panel.declare({ db, ctx: contextOf(request), memberId: request.params.memberId, noConflict: request.body.noConflict, note: request.body.note });
      },
    );

    app.post(
      '/api/expert/assignments/:memberId/score',
      { schema: { tags, summary: '提交评分（高新技术企业按创新能力各项在档位范围内打分；其他类型总分0–100并填写意见）', params: s.memberParam, body: s.scoreBody, response: { 200: s.caseView } } },
      async (request) => {
        requireActor(request);
        return panel.score({ db, ctx: contextOf(request), memberId: request.params.memberId, input: request.body });
      },
    );
  };
