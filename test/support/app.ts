import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { setupApp } from '../../src/app.setup';
import { signPluginRequest, signPluginRequestV2 } from '../../src/plugins/signature/plugin-signature';

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEST_SECRET_KEY = '0f'.repeat(32);

/** Environment for an app under test; the data folder is a fresh temp dir unless given. */
export function testEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'exh-test-')), 'db.sqlite')}`,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'exh-data-')),
    PLUGIN_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SECRET_KEY: TEST_SECRET_KEY,
    LOG_LEVEL: 'silent',
    ...overrides,
  };
}

export interface SignOptions {
  actor?: string;
  timestamp?: number;
  secret?: string;
  /** v2 (route and actor bound) unless a test exercises the original v1 recipe. */
  version?: 'v1' | 'v2';
}

/** The whole service, built exactly as main.ts builds it, serving real HTTP on a loopback port. */
export class TestApp {
  private constructor(readonly app: INestApplication) {}

  static async start(env: Record<string, string>): Promise<TestApp> {
    const app = await NestFactory.create(AppModule.forRoot(env), {
      rawBody: true,
      bufferLogs: true,
      abortOnError: false,
    });
    setupApp(app);
    await app.listen(0, '127.0.0.1');
    return new TestApp(app);
  }

  get http(): ReturnType<typeof request> {
    return request(this.app.getHttpServer());
  }

  /** A request signed as the host panel signs it (body sent as the exact JSON text that was signed). */
  signed(
    method: 'get' | 'post' | 'patch' | 'put' | 'delete',
    path: string,
    body?: unknown,
    options: SignOptions = {},
  ) {
    const raw = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const secret = options.secret ?? TEST_SIGNING_SECRET;
    const actor = options.actor ?? 'admin:alice';
    const signature =
      options.version === 'v1'
        ? signPluginRequest(secret, timestamp, raw)
        : signPluginRequestV2(secret, timestamp, { method, url: path, actor, body: raw });
    let req = this.http[method](path)
      .set('X-Plugin-Timestamp', String(timestamp))
      .set('X-Plugin-Signature', signature)
      .set('X-Plugin-Actor', actor);
    if (raw) req = req.set('Content-Type', 'application/json').send(raw);
    return req;
  }

  async close(): Promise<void> {
    await this.app.close();
  }
}
