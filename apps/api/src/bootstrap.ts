import { randomUUID } from 'node:crypto';
import helmet from '@fastify/helmet';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { API_DOCS_PATH, contentSecurityPolicyFor } from './common/content-security-policy';
import { refuseHostileInput } from './common/input-guard';
import { PinoNestLogger } from './common/logger';
import { currentContext, requestContext } from './common/request-context';
import type { AppConfig } from './config/app-config';
import { migrateDatabase } from './database/database-roles';
import { serveWebClients } from './web-clients';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Builds the HTTP application, after applying pending migrations as the schema owner when
 * DB_MIGRATE_ON_START. Shared by `main.ts` and the integration tests so that both run exactly the
 * same pipes, filters, guards, hooks and headers.
 */
export async function createApp(
  config: AppConfig,
  databaseUrl: string,
  logger: PinoLogger,
): Promise<NestFastifyApplication> {
  if (config.DB_MIGRATE_ON_START) {
    const { applied, warnings } = await migrateDatabase({
      migrationUrl: config.MIGRATION_DATABASE_URL ?? databaseUrl,
      url: databaseUrl,
    });
    if (applied.length > 0) logger.info(`Applied migrations: ${applied.join(', ')}`);
    for (const warning of warnings) logger.warn(warning);
  }
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 256 * 1024,
    // A malformed or overlong path is answered by the one exception filter too, before routing.
    frameworkErrors: (error: Error, request: FastifyRequest, reply: FastifyReply) =>
      new AllExceptionsFilter().answer(error, request, reply),
    // Accept a caller's request id so a request can be followed across systems; otherwise make one.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot({ config, databaseUrl, logger }),
    adapter,
    { logger: new PinoNestLogger(logger), bufferLogs: false },
  );

  // Socket.io for live updates and session signalling, on the same HTTP server as the API.
  app.useWebSocketAdapter(new IoAdapter(app));

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-correlation-id', String(request.id));
    requestContext.run(
      { correlationId: String(request.id), clientIp: request.ip ?? null, actor: null, sqlStatements: 0 },
      done,
    );
  });
  if (config.SQL_STATEMENTS_HEADER) {
    fastify.addHook('onSend', (_request, reply, payload, done) => {
      const ctx = currentContext();
      if (ctx) void reply.header('x-sql-statements', String(ctx.sqlStatements));
      done(null, payload);
    });
  }
  // Text PostgreSQL cannot store, half surrogate pairs and absurd nesting never reach a validator.
  fastify.addHook('preValidation', refuseHostileInput);

  await app.register(helmet, { contentSecurityPolicy: false, crossOriginEmbedderPolicy: false });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('content-security-policy', contentSecurityPolicyFor(request.url));
    done();
  });
  app.enableCors({
    origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'X-Manage-Token'],
    exposedHeaders: ['X-Correlation-Id', ...(config.SQL_STATEMENTS_HEADER ? ['X-SQL-Statements'] : [])],
    maxAge: 600,
  });

  const openApi = new DocumentBuilder()
    .setTitle('Distans API')
    .setDescription('Remote personal meetings at local state service offices')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup(API_DOCS_PATH, app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: `${API_DOCS_PATH}/openapi.json`,
  });

  await serveWebClients(app, config.WEB_DIST_DIR);
  await app.init();
  return app;
}
