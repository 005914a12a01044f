import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { readSingleUpload } from '../../http/upload.js';
import * as s from './outreach.schema.js';
import * as service from './outreach.service.js';

/** Outreach: 科技下乡 events (public listing and photos) and the 科技特派员 registry. */
export const outreachRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['outreach'];

  app.get(
    '/api/outreach/events',
    { schema: { tags, security: [], summary: '科技下乡活动（公开）：按年度、关键词', querystring: s.eventQuery, response: { 200: s.eventList } } },
    async (request) => service.listEvents({ db, query: request.query }),
  );

  app.get(
    '/api/outreach/events/:id',
    { schema: { tags, security: [], summary: '科技下乡活动详情（公开）', params: s.idParam, response: { 200: s.eventView } } },
    async (request) => service.getEvent({ db, id: request.params.id }),
  );

  app.get(
    '/api/outreach/events/:id/photos/:photoId',
    { schema: { tags, security: [], summary: '活动照片（公开）', params: s.photoParams, produces: ['image/jpeg', 'image/png'] } },
    async (request, reply) => {
      const p = await service.photo({ db, id: request.params.id, photoId: request.params.photoId });
      return reply.header('content-type', p.mimeType).header('cache-control', 'public, max-age=3600').send(p.content);
    },
  );

  app.post(
    '/api/outreach/events',
    { schema: { tags, summary: '登记科技下乡活动（市科委业务处室；区县科技局登记本区县的）', body: s.eventBody, response: { 201: s.eventView } } },
    async (request, reply) => reply.code(201).send(await service.createEvent({ db, ctx: contextOf(request), input: request.body })),
  );

  app.post(
    '/api/outreach/events/:id/photos',
    { schema: { tags, summary: '上传活动照片（multipart 字段 file；JPG、PNG）', params: s.idParam, querystring: s.photoQuery, consumes: ['multipart/form-data'], response: { 200: s.eventView } } },
    async (request) => {
      const ctx = contextOf(request);
      const { buffer, filename } = await readSingleUpload(request, { maxBytes: service.MAX_PHOTO_BYTES, authorise: () => service.assertCanAddPhoto({ db, ctx, id: request.params.id }) });
      return service.addPhoto({ db, ctx, id: request.params.id, fileName: filename, buffer, caption: request.query.caption });
    },
  );

  app.get(
    '/api/commissioners',
    { schema: { tags, summary: '科技特派员名册（派驻乡镇与企业、年度服务记录）', querystring: s.commissionerQuery, response: { 200: s.commissionerList } } },
    async (request) => service.listCommissioners({ db, actor: requireActor(request), query: request.query }),
  );

  app.get(
    '/api/commissioners/:id',
    { schema: { tags, summary: '科技特派员详情', params: s.idParam, response: { 200: s.commissionerView } } },
    async (request) => service.getCommissioner({ db, actor: requireActor(request), id: request.params.id }),
  );

  app.post(
    '/api/commissioners',
    { schema: { tags, summary: '登记科技特派员（市科委业务处室）', body: s.commissionerBody, response: { 201: s.commissionerView } } },
    async (request, reply) => reply.code(201).send(await service.createCommissioner({ db, ctx: contextOf(request), input: request.body })),
  );

  app.post(
    '/api/commissioners/:id/assignments',
    { schema: { tags, summary: '派驻乡镇（及服务企业）', params: s.idParam, body: s.assignmentBody, response: { 200: s.commissionerView } } },
    async (request) => service.addAssignment({ db, ctx: contextOf(request), id: request.params.id, input: request.body }),
  );

  app.post(
    '/api/commissioners/:id/service-records',
    { schema: { tags, summary: '登记年度服务记录', params: s.idParam, body: s.serviceRecordBody, response: { 200: s.commissionerView } } },
    async (request) => service.addServiceRecord({ db, ctx: contextOf(request), id: request.params.id, input: request.body }),
  );
};
