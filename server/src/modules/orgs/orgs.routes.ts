import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { ROLES } from '../../db/schema/index.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { notFound } from '../../http/errors.js';
import { ROLE_NAMES, ROLE_ORG_KINDS, assertCanReadDirectory } from './orgs.policy.js';
import * as repo from './orgs.repo.js';
import * as s from './orgs.schema.js';
import * as service from './orgs.service.js';

export const orgsRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['orgs'];

  app.get('/api/districts', { schema: { tags, summary: '区县列表（公开）', security: [], response: { 200: s.districtList } } }, async () => ({
    items: await repo.listDistricts(db),
  }));

  app.post('/api/districts', { schema: { tags, summary: '新增区县', body: s.districtBody, response: { 201: s.districtItem } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await service.createDistrict({ db, ctx: contextOf(request), ...request.body }));
  });

  app.patch(
    '/api/districts/:id',
    { schema: { tags, summary: '修改区县', params: s.idParam, body: s.districtPatch, response: { 200: s.districtItem } } },
    async (request) => {
      requireActor(request);
      return service.updateDistrict({ db, ctx: contextOf(request), id: request.params.id, patch: request.body });
    },
  );

  app.delete('/api/districts/:id', { schema: { tags, summary: '删除区县（无关联数据时）', params: s.idParam, response: { 200: s.okResponse } } }, async (request) => {
    requireActor(request);
    await service.deleteDistrict({ db, ctx: contextOf(request), id: request.params.id });
    return { ok: true as const };
  });

  app.get('/api/roles', { schema: { tags, summary: '角色列表', response: { 200: s.roleList } } }, async (request) => {
    requireActor(request);
    return { items: ROLES.map((code) => ({ code, name: ROLE_NAMES[code], organizationKinds: ROLE_ORG_KINDS[code] })) };
  });

  app.get(
    '/api/organizations',
    { schema: { tags, summary: '组织机构列表', querystring: s.organizationQuery, response: { 200: s.organizationList } } },
    async (request) => {
      assertCanReadDirectory(requireActor(request));
      const rows = await repo.listOrganizations(db, request.query);
      return { items: rows.map((r) => service.presentOrganization(r.org, r.districtName)) };
    },
  );

  app.get(
    '/api/organizations/:id',
    { schema: { tags, summary: '组织机构详情', params: s.idParam, response: { 200: s.organizationItem } } },
    async (request) => {
      assertCanReadDirectory(requireActor(request));
      const org = await repo.findOrganization(db, request.params.id);
      if (!org) {
        throw notFound('组织机构');
      }
      const district = org.districtId ? await repo.findDistrict(db, org.districtId) : undefined;
      return service.presentOrganization(org, district?.name ?? null);
    },
  );

  app.post(
    '/api/organizations',
    { schema: { tags, summary: '新增组织机构', body: s.organizationBody, response: { 201: s.organizationItem } } },
    async (request, reply) => {
      requireActor(request);
      const org = await service.createOrganization({ db, ctx: contextOf(request), ...request.body });
      const district = org.districtId ? await repo.findDistrict(db, org.districtId) : undefined;
      return reply.status(201).send(service.presentOrganization(org, district?.name ?? null));
    },
  );

  app.patch(
    '/api/organizations/:id',
    { schema: { tags, summary: '修改组织机构（需带 version）', params: s.idParam, body: s.organizationPatch, response: { 200: s.organizationItem } } },
    async (request) => {
      requireActor(request);
      const { version, ...patch } = request.body;
      const org = await service.updateOrganization({ db, ctx: contextOf(request), id: request.params.id, version, patch });
      const district = org.districtId ? await repo.findDistrict(db, org.districtId) : undefined;
      return service.presentOrganization(org, district?.name ?? null);
    },
  );

  app.get('/api/users', { schema: { tags, summary: '用户列表', querystring: s.userQuery, response: { 200: s.userList } } }, async (request) => {
    assertCanReadDirectory(requireActor(request));
    const rows = await repo.listUsers(db, request.query);
    return { items: rows.map((r) => service.presentUser(r.user, r.organizationName)) };
  });

  app.post('/api/users', { schema: { tags, summary: '新增用户', body: s.userBody, response: { 201: s.userItem } } }, async (request, reply) => {
    requireActor(request);
    return reply.status(201).send(await service.createUser({ db, ctx: contextOf(request), ...request.body }));
  });

  app.patch(
    '/api/users/:id',
    { schema: { tags, summary: '修改用户（停用、角色、解锁；需带 version）', params: s.idParam, body: s.userPatch, response: { 200: s.userItem } } },
    async (request) => {
      requireActor(request);
      const { version, ...patch } = request.body;
      return service.updateUser({ db, ctx: contextOf(request), id: request.params.id, version, patch });
    },
  );

  app.post(
    '/api/users/:id/password',
    { schema: { tags, summary: '重置用户密码', params: s.idParam, body: s.resetPasswordBody, response: { 200: s.okResponse } } },
    async (request) => {
      requireActor(request);
      await service.resetUserPassword({ db, ctx: contextOf(request), id: request.params.id, password: request.body.password });
      return { ok: true as const };
    },
  );
};
