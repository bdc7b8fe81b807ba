import type { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG_KEY, type AppConfig } from './modules/globals/config/app-config';
import { AppLogger, createPinoLogger } from './modules/shared/logging/app-logger';
import { httpLoggingMiddleware } from './modules/shared/logging/http-logging.middleware';
import { jsonBodyOnly } from './plugins/http/json-body.middleware';

/** What main.ts and the tests both do to a created app: logging, request ids, OpenAPI, graceful shutdown. */
export function setupApp(app: INestApplication): AppLogger {
  const config = app.get(ConfigService).getOrThrow<AppConfig>(APP_CONFIG_KEY);
  const logger = new AppLogger(createPinoLogger(config.logLevel));
  app.useLogger(logger);
  app.flushLogs();
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  app.use(httpLoggingMiddleware(logger.pino));
  app.use('/plugin', jsonBodyOnly());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Hosted Exchange plugin API')
      .setDescription(
        'Signed plugin API for host panels. Every route except /health is signed: see the X-Plugin-* headers. Errors are application/problem+json.',
      )
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return logger;
}
