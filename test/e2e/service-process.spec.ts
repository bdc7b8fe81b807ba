import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signPluginRequest, signPluginRequestV2 } from '../../src/plugins/signature/plugin-signature';
import { freePort, MAIN, startService as start, waitForHealth } from '../support/service-process';

describe('the service process (dist/main.js)', () => {
  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: npm test builds first (pretest)');
  });

  it('starts with defaults in an empty folder: health, docs, generated secrets, signed globals, restart keeps changes', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'exh-e2e-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let service = start(cwd, { PORT: String(port) });
    try {
      await waitForHealth(base, service.exited);
      expect(existsSync(join(cwd, 'data/exchange-hosting.sqlite'))).toBe(true);
      expect(service.output()).toMatch(/PLUGIN_SIGNING_SECRET is not set: generated one into/);
      const secret = (await import('node:fs'))
        .readFileSync(join(cwd, 'data/plugin-signing-secret'), 'utf8')
        .trim();

      expect((await fetch(`${base}/health/ready`)).status).toBe(200);
      const docs = await fetch(`${base}/docs-json`);
      expect(docs.status).toBe(200);
      expect(Object.keys(((await docs.json()) as { paths: object }).paths)).toContain(
        '/plugin/v1/admin/globals',
      );
      expect((await fetch(`${base}/docs`)).status).toBe(200);

      const url = '/plugin/v1/admin/globals';
      const send = (method: string, body = '', timestamp = Math.floor(Date.now() / 1000), version = 'v2') =>
        fetch(`${base}${url}`, {
          method,
          headers: {
            'X-Plugin-Timestamp': String(timestamp),
            'X-Plugin-Signature':
              version === 'v1'
                ? signPluginRequest(secret, timestamp, body)
                : signPluginRequestV2(secret, timestamp, { method, url, actor: 'admin:alice', body }),
            'X-Plugin-Actor': 'admin:alice',
            ...(body && { 'Content-Type': 'application/json' }),
          },
          body: body || undefined,
        });
      expect((await fetch(`${base}/plugin/v1/admin/globals`)).status).toBe(401);
      expect((await send('GET', '', Math.floor(Date.now() / 1000) - 600)).status).toBe(401);
      expect(await (await send('GET')).json()).toEqual({ exchangeHostingEnabled: false });
      expect((await send('PATCH', '{"exchangeHostingEnabled":true}')).status).toBe(200);

      // Structured JSON logs: every request line carries its request id; the signature never appears.
      const lines = service
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'));
      const requestLines = lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((entry) => entry.req);
      expect(requestLines.length).toBeGreaterThan(0);
      for (const entry of requestLines) expect(entry.reqId).toEqual(expect.any(String));
      expect(service.output()).not.toContain(secret);
      expect(service.output()).not.toMatch(/v[12]=[0-9a-f]{64}/);

      service.child.kill('SIGTERM');
      expect(await service.exited).toBe('SIGTERM');
      service = start(cwd, { PORT: String(port), PLUGIN_SIGNATURE_V1: 'false' });
      await waitForHealth(base, service.exited);
      expect(await (await send('GET')).json()).toEqual({ exchangeHostingEnabled: true });
      expect((await send('GET', '', undefined, 'v1')).status).toBe(401);
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
    }
  });

  it('refuses to start on an invalid setting and names the variable and rule', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'exh-e2e-'));
    const service = start(cwd, { PORT: 'eighty', DATABASE_URL: 'postgres://nope' });
    expect(await service.exited).toBe(1);
    expect(service.output()).toContain('PORT must be an integer between 0 and 65535');
    expect(service.output()).toContain('DATABASE_URL must be');
  });
});
