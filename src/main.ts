import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { AppModule } from './app.module';
import { setupApp } from './app.setup';
import { APP_CONFIG_KEY, type AppConfig } from './modules/globals/config/app-config';
import { ConfigError } from './modules/globals/config/config.error';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule.forRoot(), {
    rawBody: true,
    bufferLogs: true,
    abortOnError: false,
  });
  const logger = setupApp(app);
  const { port } = app.get(ConfigService).getOrThrow<AppConfig>(APP_CONFIG_KEY);
  await app.listen(port, '0.0.0.0');
  logger.log(`Listening on port ${port}; API docs at /docs`, 'Bootstrap');
}

bootstrap().catch((error: unknown) => {
  const configError = error instanceof ConfigError ? error : (error as { cause?: unknown })?.cause;
  if (configError instanceof ConfigError) process.stderr.write(`${configError.message}\n`);
  else
    process.stderr.write(
      `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  process.exit(1);
});
