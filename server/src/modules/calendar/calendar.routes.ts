import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import * as s from './calendar.schema.js';
import * as service from './calendar.service.js';

export const calendarRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['calendar'];
  const publicRoute = { security: [] };

  app.get(
    '/api/calendar/working-days',
    {
      schema: {
        tags,
        ...publicRoute,
        summary: '工作日推算（公开）：自 from 起（from 为工作日则含当天）第 days 个工作日',
        querystring: s.workingDaysQuery,
        response: { 200: s.workingDaysResult },
      },
    },
    async (request) => service.workingDaysEnd({ db, from: request.query.from, days: request.query.days }),
  );

  app.get(
    '/api/calendar/days/:date',
    { schema: { tags, ...publicRoute, summary: '查询某日是否为工作日、节假日名称（公开）', params: s.dateParams, response: { 200: s.dayResult } } },
    async (request) => service.getDay({ db, date: request.params.date }),
  );

  app.get(
    '/api/calendar/years',
    { schema: { tags, ...publicRoute, summary: '已载入的年度节假日安排及所依据的通知（公开）', response: { 200: s.yearList } } },
    async () => service.listYears({ db }),
  );

  app.get(
    '/api/calendar/years/:year',
    { schema: { tags, ...publicRoute, summary: '某年的放假与调休上班日期（公开）', params: s.yearParams, response: { 200: s.yearView } } },
    async (request) => service.getYear({ db, year: request.params.year }),
  );

  app.put(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        summary: '载入或修改某年的节假日安排（系统管理员；整年替换，须引用通知）',
        params: s.yearParams,
        body: s.yearBody,
        response: { 200: s.yearView },
      },
    },
    async (request) => {
      requireActor(request);
      return service.saveYear({ db, ctx: contextOf(request), year: request.params.year, body: request.body });
    },
  );
};
