import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { contextOf, requireActor } from '../../http/auth.js';
import { sendXlsx } from '../../http/attachment.js';
import { writeXlsxStream, XLSX_MIME } from '../../lib/xlsx.js';
import { idParam } from './recognitions.schema.js';
import * as s from './recommend.schema.js';
import * as service from './recommend.service.js';

type Item = Awaited<ReturnType<typeof service.listRecommendations>>['items'][number];

/** "Recommend, then record": the recommended cases, batch lists for the upper body, and the recorded results. */
export const recommendationRoutes = (deps: Deps): FastifyPluginAsyncZod => async (app) => {
  const db = deps.database.db;
  const tags = ['recognitions'];

  app.get(
    '/api/recognition-recommendations',
    { schema: { tags, summary: '推荐上报名单（上级认定的类别：国家高新、技术先进型服务企业、省科技型中小企业、省级研发中心与企业研究院）', querystring: s.recommendationQuery, response: { 200: s.recommendationList } } },
    async (request) => service.listRecommendations({ db, actor: requireActor(request), query: request.query }),
  );

  app.get(
    '/api/recognition-batches',
    { schema: { tags, summary: '推荐上报批次', querystring: s.batchQuery, response: { 200: s.batchList } } },
    async (request) => service.listBatches({ db, actor: requireActor(request), query: request.query }),
  );

  app.post(
    '/api/recognition-batches',
    { schema: { tags, summary: '生成推荐上报批次（市科委业务处室）', body: s.batchBody, response: { 201: s.batchItem } } },
    async (request, reply) => reply.code(201).send(await service.createBatch({ db, ctx: contextOf(request), input: request.body })),
  );

  app.get(
    '/api/recognition-batches/:id/list.xlsx',
    { schema: { tags, summary: '导出推荐上报名单（Excel）', params: idParam, produces: [XLSX_MIME] } },
    async (request, reply) => {
      const actor = requireActor(request);
      const batch = await service.getBatch({ db, actor, id: request.params.id });
      const { items } = await service.listRecommendations({ db, actor, query: { batchId: batch.id, state: 'all' } });
      const stream = writeXlsxStream<Item & { n: number }>(
        '推荐上报名单',
        [
          { header: '序号', kind: 'integer', width: 6, value: (r) => r.n },
          { header: '企业名称', width: 36, value: (r) => r.enterpriseName },
          { header: '统一社会信用代码', kind: 'text', width: 22, value: (r) => r.uscc },
          { header: '所属区县', width: 12, value: (r) => r.districtName },
          { header: '认定类型', width: 24, value: (r) => r.typeName },
          { header: '推荐日期', kind: 'date', width: 12, value: (r) => r.recommendedOn },
          { header: '上级认定结果', width: 12, value: (r) => r.resultName },
          { header: '认定文号', kind: 'text', width: 24, value: (r) => r.resultDocNo },
          { header: '证书编号', kind: 'text', width: 20, value: (r) => r.certificateNo },
        ],
        items.map((r, i) => ({ ...r, n: i + 1 })),
        { title: batch.title },
      );
      return sendXlsx(reply, `${batch.title}.xlsx`, stream);
    },
  );

  app.post(
    '/api/recognition-applications/:id/upper-result',
    { schema: { tags, summary: '登记上级认定结果（文号、日期；认定的发放证书，有效期自认定日期起算）', params: idParam, body: s.resultBody, response: { 200: s.resultAnswer } } },
    async (request) => service.recordResult({ db, ctx: contextOf(request), id: request.params.id, input: request.body }),
  );
};
