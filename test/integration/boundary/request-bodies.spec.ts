import { BACKENDS, freshDatabaseUrl } from '../../support/backends';
import { signPluginRequestV2 } from '../../../src/plugins/signature/plugin-signature';
import { TEST_SIGNING_SECRET, TestApp, testEnv } from '../../support/app';

const GLOBALS = '/plugin/v1/admin/globals';
const AUDIT = '/plugin/v1/admin/audit';
const IMPORT = '/plugin/v1/admin/mailing-plans/import';

const nestedJson = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;

/** Bodies the plugin API reads in one way only: JSON objects in UTF-8, shallow, with our fields. */
describe.each(BACKENDS)('Request bodies at the boundary (%s)', (backend) => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start(testEnv({ DATABASE_URL: await freshDatabaseUrl(backend) }));
  });
  afterAll(() => app.close());

  const auditCount = async () => (await app.signed('get', AUDIT).expect(200)).body.length as number;
  const hostingEnabled = async () =>
    (await app.signed('get', GLOBALS).expect(200)).body.exchangeHostingEnabled as boolean;

  /** A correctly signed PATCH of the globals with the given raw body and content type. */
  const patchGlobals = (raw: string, contentType?: string) => {
    const req = app.signed('patch', GLOBALS, raw);
    return contentType === undefined ? req.unset('Content-Type') : req.set('Content-Type', contentType);
  };

  it.each([
    ['text/plain', 'text/plain'],
    ['form-urlencoded', 'application/x-www-form-urlencoded'],
    ['JSON in ISO-8859-1', 'application/json; charset=iso-8859-1'],
    ['a content type that is not JSON', 'application/json/evil'],
  ])('refuses a %s body with 415 before anything else, and changes nothing', async (_label, type) => {
    const before = await auditCount();
    const raw = type.includes('urlencoded')
      ? 'exchangeHostingEnabled=true'
      : '{"exchangeHostingEnabled":true}';
    const res = await patchGlobals(raw, type).expect(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' });
    expect(await hostingEnabled()).toBe(false);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a body without a content type with 415, even unsigned (not 400 or 401)', async () => {
    const res = await app.http
      .patch(GLOBALS)
      .set('X-Plugin-Actor', 'admin:alice')
      .set('Content-Type', 'text/plain')
      .send('{"exchangeHostingEnabled":true}')
      .expect(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await patchGlobals('{"exchangeHostingEnabled":true}', undefined)).status).toBe(415);
  });

  it('accepts JSON with charset=utf-8 (any case)', async () => {
    await patchGlobals('{"exchangeHostingEnabled":false}', 'application/json; charset=UTF-8').expect(200);
  });

  it('refuses a body nested 20,000 deep with a 400 naming the rule, not a crash', async () => {
    const res = await patchGlobals(nestedJson(20_000), 'application/json').expect(400);
    expect(res.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [expect.objectContaining({ field: '(body)', rule: 'maxDepth' })],
    });
    await app.signed('get', GLOBALS).expect(200);
  });

  it('refuses a body that is not valid UTF-8 (400) and a compressed body (415)', async () => {
    const invalidUtf8 = Buffer.from('{"exchangeHostingEnabled":true,"x":"\xc3\x28"}', 'latin1');
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = signPluginRequestV2(TEST_SIGNING_SECRET, timestamp, {
      method: 'PATCH',
      url: GLOBALS,
      actor: 'admin:alice',
      body: invalidUtf8,
    });
    const res = await app.http
      .patch(GLOBALS)
      .set('X-Plugin-Timestamp', String(timestamp))
      .set('X-Plugin-Signature', signature)
      .set('X-Plugin-Actor', 'admin:alice')
      .set('Content-Type', 'application/json')
      .serialize((bytes: string) => bytes)
      .send(invalidUtf8)
      .expect(400);
    expect(res.body.code).toBe('MALFORMED_REQUEST');
    expect(res.body.detail).toMatch(/UTF-8/);
    const gzip = await patchGlobals('{"exchangeHostingEnabled":true}', 'application/json')
      .set('Content-Encoding', 'gzip')
      .expect(415);
    expect(gzip.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await hostingEnabled()).toBe(false);
  });

  it('refuses broken JSON without quoting it (it may hold a password)', async () => {
    const res = await patchGlobals('{"password":"Secret-123"', 'application/json').expect(400);
    expect(res.body.code).toBe('MALFORMED_REQUEST');
    expect(JSON.stringify(res.body)).not.toContain('Secret-123');
  });

  it.each(['__proto__', 'constructor', 'prototype'])(
    'refuses a "%s" key with 400 naming it, and applies nothing of the body',
    async (key) => {
      const before = await auditCount();
      const raw = `{"exchangeHostingEnabled":true,"${key}":{"exchangeHostingEnabled":true}}`;
      const res = await patchGlobals(raw, 'application/json').expect(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: key, rule: 'forbiddenKey' })]);
      expect(await hostingEnabled()).toBe(false);
      expect(await auditCount()).toBe(before);
    },
  );

  it('refuses a "constructor" key inside a mailing-plan import', async () => {
    const body = '{"format":"json","plans":[{"name":"Evil","constructor":{"prototype":{"x":1}}}]}';
    const res = await app.signed('post', IMPORT, body).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'plans[0].constructor' })]);
  });

  it.each([
    ['null for a boolean', '{"exchangeHostingEnabled":null}', 'exchangeHostingEnabled', 'notNull'],
    ['1e400', '{"exchangeHostingEnabled":1e400}', 'exchangeHostingEnabled', 'isFinite'],
  ])('refuses %s with 400 naming the field, and changes nothing', async (_label, raw, field, rule) => {
    const before = await auditCount();
    const res = await patchGlobals(raw, 'application/json').expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field, rule })]);
    expect(await auditCount()).toBe(before);
  });

  it.each([
    ['an offset beyond the safe integers', 'offset=99999999999999999999', 'offset'],
    ['an offset written 1e400', 'offset=1e400', 'offset'],
    ['a negative limit', 'limit=-1', 'limit'],
  ])('refuses %s in a list query with 400', async (_label, query, field) => {
    const res = await app.signed('get', `${AUDIT}?${query}`).expect(400);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });
});
