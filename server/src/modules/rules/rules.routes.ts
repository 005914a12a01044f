import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { criteriaSpec } from './rules.params.js';
import * as s from './rules.schema.js';
import * as service from './rules.service.js';

export const rulesRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['rules'];

  app.post(
    '/api/rules/hnte/evaluate',
    {
      schema: {
        tags,
        security: [],
        summary: '高新技术企业认定条件自评（公开）：逐项条件、成长性与知识产权、成果转化档次',
        body: s.hnteInput,
        response: { 200: s.hnteResult },
      },
    },
    async (request) => service.assessHnte({ db, input: request.body }),
  );

  app.post(
    '/api/rules/tech-sme/evaluate',
    {
      schema: { tags, security: [], summary: '科技型中小企业评价自评（公开）：条件、评分与直接确认', body: s.techSmeInput, response: { 200: s.techSmeResult } },
    },
    async (request) => service.assessTechSme({ db, input: request.body }),
  );

  app.get(
    '/api/rules/rule-sets',
    { schema: { tags, security: [], summary: '规则集各版本及生效日期（公开）', response: { 200: s.ruleSetList } } },
    async () => service.listRuleSets({ db }),
  );

  app.put(
    '/api/rules/rule-sets/:type/:effectiveFrom',
    {
      schema: {
        tags,
        summary: '新增或修改某生效日期的规则集版本（市科技局业务处室）',
        params: s.ruleSetParams,
        body: s.ruleSetBody,
        response: { 200: s.ruleSetView },
      },
    },
    async (request) => {
      requireActor(request);
      const { type, effectiveFrom } = request.params;
      return service.saveRuleSet({ db, ctx: contextOf(request), type, effectiveFrom, ...request.body });
    },
  );

  app.get(
    '/api/rules/criteria',
    { schema: { tags, security: [], summary: '各认定类型现行（或指定日期）的认定条件（公开）', querystring: s.criteriaQuery, response: { 200: s.criteriaList } } },
    async (request) => service.criteriaInForce({ db, on: request.query.on }),
  );

  app.get(
    '/api/rules/criteria/:type',
    { schema: { tags, security: [], summary: '某认定类型的认定条件各版本（公开）', params: s.criteriaTypeParams, response: { 200: s.criteriaList } } },
    async (request) => service.criteriaVersions({ db, type: request.params.type }),
  );

  app.put(
    '/api/rules/criteria/:type/:effectiveFrom',
    {
      schema: {
        tags,
        summary: '新增或修改认定条件版本：必填字段、指标门槛、必备附件、审核层级（市科技局业务处室）',
        params: s.criteriaVersionParams,
        body: criteriaSpec,
        response: { 200: s.criteriaView },
      },
    },
    async (request) => {
      requireActor(request);
      const { type, effectiveFrom } = request.params;
      return service.saveCriteria({ db, ctx: contextOf(request), type, effectiveFrom, spec: request.body });
    },
  );
};
