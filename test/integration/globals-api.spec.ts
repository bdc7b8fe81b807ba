import { BACKENDS, freshDatabaseUrl } from '../support/backends';
import { TestApp, testEnv } from '../support/app';

const GLOBALS = '/plugin/v1/admin/globals';
const AUDIT = '/plugin/v1/admin/audit';

describe.each(BACKENDS)('Globals over the signed plugin API (%s)', (backend) => {
  let env: Record<string, string>;
  let app: TestApp;

  beforeAll(async () => {
    env = testEnv({ DATABASE_URL: await freshDatabaseUrl(backend) });
    app = await TestApp.start(env);
  });
  afterAll(() => app.close());

  it('shows Exchange hosting disabled on a new installation', async () => {
    const res = await app.signed('get', GLOBALS).expect(200);
    expect(res.body).toEqual({ exchangeHostingEnabled: false });
  });

  it.each([
    ['no signature headers', (t: TestApp) => t.http.get(GLOBALS).set('X-Plugin-Actor', 'admin:alice')],
    [
      'a signature made with another secret',
      (t: TestApp) => t.signed('get', GLOBALS, undefined, { secret: 'x'.repeat(40) }),
    ],
    [
      'a stale timestamp (6 minutes old)',
      (t: TestApp) => t.signed('get', GLOBALS, undefined, { timestamp: Math.floor(Date.now() / 1000) - 360 }),
    ],
    [
      'a timestamp 6 minutes ahead',
      (t: TestApp) => t.signed('get', GLOBALS, undefined, { timestamp: Math.floor(Date.now() / 1000) + 360 }),
    ],
  ])('refuses a request with %s: 401 problem+json', async (_label, send) => {
    const res = await send(app).expect(401);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
      type: expect.stringMatching(/^urn:/),
    });
  });

  it('refuses a body that differs from the one signed, and changes nothing', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signedForFalse = app.signed('patch', GLOBALS, { exchangeHostingEnabled: false }, { timestamp });
    const header = (signedForFalse as unknown as { header: Record<string, string> }).header;
    await app.http
      .patch(GLOBALS)
      .set('X-Plugin-Timestamp', String(timestamp))
      .set('X-Plugin-Signature', header['X-Plugin-Signature'])
      .set('X-Plugin-Actor', 'admin:alice')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ exchangeHostingEnabled: true }))
      .expect(401);
    expect((await app.signed('get', GLOBALS).expect(200)).body.exchangeHostingEnabled).toBe(false);
  });

  it('binds a v2 signature to its route and actor: replayed elsewhere or as someone else it is refused', async () => {
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = (
      app.signed('get', GLOBALS, undefined, { timestamp }) as unknown as { header: Record<string, string> }
    ).header['X-Plugin-Signature'];
    const replay = (path: string, actor: string) =>
      app.http
        .get(path)
        .set('X-Plugin-Timestamp', String(timestamp))
        .set('X-Plugin-Signature', signature)
        .set('X-Plugin-Actor', actor);
    await replay(GLOBALS, 'admin:alice').expect(200);
    await replay(AUDIT, 'admin:alice').expect(401);
    await replay(`${GLOBALS}?x=1`, 'admin:alice').expect(401);
    await replay(GLOBALS, 'admin:mallory').expect(401);
  });

  it('still accepts the original v1 recipe (PLUGIN_SIGNATURE_V1 defaults to true)', async () => {
    await app.signed('get', GLOBALS, undefined, { version: 'v1' }).expect(200);
  });

  it('refuses an unknown actor kind with 401 and a customer with 403', async () => {
    await app.signed('get', GLOBALS, undefined, { actor: 'robot:x' }).expect(401);
    const res = await app
      .signed('patch', GLOBALS, { exchangeHostingEnabled: true }, { actor: 'customer:42' })
      .expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });

  it('answers an invalid body with 400 naming the field and rule, and writes nothing', async () => {
    const res = await app
      .signed('patch', GLOBALS, { exchangeHostingEnabled: 'yes', colour: 'red' })
      .expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'exchangeHostingEnabled', rule: 'isBoolean' }),
        expect.objectContaining({ field: 'colour', rule: 'whitelistValidation' }),
      ]),
    );
    const malformed = await app
      .signed('patch', GLOBALS, '{"exchangeHostingEnabled": S3cret-in-body')
      .expect(400);
    expect(malformed.body.code).toBe('MALFORMED_REQUEST');
    expect(JSON.stringify(malformed.body)).not.toContain('S3cret');
    await app.signed('patch', GLOBALS, {}).expect(400);

    expect((await app.signed('get', GLOBALS).expect(200)).body.exchangeHostingEnabled).toBe(false);
    expect((await app.signed('get', AUDIT).expect(200)).body).toEqual([]);
  });

  it('enables Exchange hosting, audits who/when/before/after, and keeps it after a restart', async () => {
    const before = Date.now();
    const res = await app.signed('patch', GLOBALS, { exchangeHostingEnabled: true }).expect(200);
    expect(res.body).toEqual({ exchangeHostingEnabled: true });
    const requestId = res.headers['x-request-id'];

    const audit = (await app.signed('get', `${AUDIT}?targetType=globals`).expect(200)).body;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'admin:alice',
      action: 'globals.update',
      before: { exchangeHostingEnabled: false },
      after: { exchangeHostingEnabled: true },
      requestId,
    });
    expect(Date.parse(audit[0].occurredAt)).toBeGreaterThanOrEqual(before - 1000);

    await app.close();
    app = await TestApp.start(env);
    expect((await app.signed('get', GLOBALS).expect(200)).body).toEqual({ exchangeHostingEnabled: true });
  });
});
