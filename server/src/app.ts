import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from './deps.js';
import { registerAuth } from './http/auth.js';
import { clientErrorHandler, frameworkErrorHandler, registerErrorHandler } from './http/error-handler.js';
import { registerLanguage } from './http/language.js';
import { NAMES_EN } from './i18n/names-en.js';
import { registerWebApp } from './http/static.js';
import { closeIfBodyUnread } from './http/upload.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { postgresRateLimitStore } from './http/rate-limit-store.js';
import { strictValidatorCompiler } from './http/strict-input.js';
import { DEV_AUDIT_KEY } from './config/audit-key.js';
import { AuditChain } from './modules/audit/audit.chain.js';
import { auditRoutes } from './modules/audit/audit.routes.js';
import { authRoutes } from './modules/auth/auth.routes.js';
import { calendarRoutes } from './modules/calendar/calendar.routes.js';
import { enterprisesRoutes } from './modules/enterprises/enterprises.routes.js';
import { orgsRoutes } from './modules/orgs/orgs.routes.js';
import { rulesRoutes } from './modules/rules/rules.routes.js';
import { vouchersRoutes } from './modules/vouchers/vouchers.routes.js';
import { systemRoutes } from './modules/system/system.routes.js';
import { techmarketRoutes } from './modules/techmarket/techmarket.routes.js';
import { indicatorsRoutes } from './modules/indicators/indicators.routes.js';
import { reportsRoutes } from './modules/reports/reports.routes.js';
import { jobsRoutes } from './modules/jobs/jobs.routes.js';
import { noticesRoutes } from './modules/notices/notices.routes.js';
import { expertsRoutes } from './modules/experts/experts.routes.js';
import { recognitionRegisterRoutes } from './modules/recognitions/register.routes.js';
// the recognitions index registers the instrument on the case kernel
import { recognitionsRoutes } from './modules/recognitions/index.js';
import { supervisionRoutes } from './modules/supervision/index.js';
import { outreachRoutes } from './modules/outreach/index.js';
import { policiesRoutes } from './modules/policies/index.js';
import { casesRoutes } from './modules/cases/index.js';
// the subsidies index registers its instrument and the interest_subsidy payable
import { subsidiesRoutes } from './modules/subsidies/index.js';
// the loans index registers the bridge_loan and guarantee instruments
import { loansRoutes } from './modules/loans/index.js';
// the funds index registers the quarterly report instrument on the case kernel
import { fundsRoutes } from './modules/funds/index.js';
// the programmes index registers the instrument and the project_tranche payable
import { programmesRoutes } from './modules/programmes/index.js';
import { allocationsRoutes } from './modules/allocations/index.js';
import { matchingRoutes } from './modules/allocations/index.js';
// the awards index registers the city's S&T progress award on the case kernel
import { awardsRoutes } from './modules/awards/index.js';
import { paymentsRoutes } from './modules/payments/index.js';
// the carriers index registers the makerspace/incubator/statistics instruments and the carrier_subsidy payable
import { carriersRoutes } from './modules/carriers/index.js';
// the projects index registers the mid-term, acceptance and change instruments
import { projectsRoutes } from './modules/projects/index.js';

import { logSlowRequests } from './http/slow-requests.js';

declare module 'fastify' {
  interface FastifyInstance {
    auditChain: AuditChain;
  }
}

/** Builds the whole HTTP application without listening; tests use app.inject. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      deps.settings.logLevel === 'silent'
        ? false
        : {
            level: deps.settings.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
          },
    trustProxy: deps.settings.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(strictValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // the one onSend hook: every answer names its request; one sent before its body was read closes its connection
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', request.id);
    closeIfBodyUnread(request, reply);
    done(null, payload);
  });
  registerErrorHandler(app);
  registerLanguage(app, NAMES_EN);
  // a stall shows in the log even at warn level (npm start, the browser tests)
  logSlowRequests(app, 2000);

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 20 * 1024 * 1024, files: 1, fields: 10 } });
  // on the PostgreSQL server the counters live in the database, shared by every app process
  await app.register(rateLimit, { global: false, ...(deps.database.kind === 'postgres' ? { store: postgresRateLimitStore(deps.database.db) } : {}) });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: '科创 Kechuang API', version: '0.1.0', description: '杭州市科技局业务平台接口。会话 Cookie 写操作须带 x-csrf-token；机器客户端使用 Bearer 令牌。' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kc_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true, security: [] } }, async () => app.swagger());

  // the audit chain: rows are chained off the hot path, and what a crash left unchained at start
  const auditChain = new AuditChain(deps.database.db, deps.audit?.key ?? DEV_AUDIT_KEY, deps.audit?.checkpointFile ?? null, app.log);
  app.decorate('auditChain', auditChain);
  app.addHook('onReady', async () => auditChain.start());
  app.addHook('onClose', async () => auditChain.stop());

  registerAuth(app, deps);
  await app.register(systemRoutes(deps));
  await app.register(authRoutes(deps));
  await app.register(orgsRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(enterprisesRoutes(deps));
  await app.register(techmarketRoutes(deps));
  await app.register(rulesRoutes(deps));
  await app.register(calendarRoutes(deps));
  await app.register(vouchersRoutes(deps));
  await app.register(indicatorsRoutes(deps));
  await app.register(reportsRoutes(deps));
  await app.register(jobsRoutes(deps));
  await app.register(noticesRoutes(deps));
  await app.register(expertsRoutes(deps));
  await app.register(recognitionRegisterRoutes(deps));
  await app.register(recognitionsRoutes(deps));
  await app.register(supervisionRoutes(deps));
  await app.register(outreachRoutes(deps));
  await app.register(policiesRoutes(deps));
  await app.register(programmesRoutes(deps));
  await app.register(casesRoutes(deps));
  await app.register(subsidiesRoutes(deps));
  await app.register(loansRoutes(deps));
  await app.register(fundsRoutes(deps));
  await app.register(allocationsRoutes(deps));
  await app.register(matchingRoutes(deps));
  await app.register(awardsRoutes(deps));
  await app.register(paymentsRoutes(deps));
  await app.register(carriersRoutes(deps));
  await app.register(projectsRoutes(deps));

  await registerWebApp(app, deps.settings.webDist);
  return app;
}
