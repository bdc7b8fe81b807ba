import { createHmac } from 'node:crypto';
import {
  signPluginRequest,
  signPluginRequestV2,
  verifyPluginSignature,
  type SignedRequest,
} from '../../src/plugins/signature/plugin-signature';

describe('plugin request signature', () => {
  const secret = 's'.repeat(40);
  const body = Buffer.from('{"exchangeHostingEnabled":true}');
  const request: SignedRequest = {
    method: 'PATCH',
    url: '/plugin/v1/admin/globals',
    actor: 'admin:alice',
    body,
  };
  const now = 1_800_000_000;
  const v2 = (overrides: Partial<SignedRequest> = {}, ts = now) =>
    signPluginRequestV2(secret, ts, { ...request, ...overrides });

  it('v1 matches the documented recipe: v1=<hex HMAC-SHA256(secret, "v1:" + ts + ":" + body)>', () => {
    // From: printf '%s' 'v1:1800000000:{"exchangeHostingEnabled":true}' | openssl dgst -sha256 -hmac "$(printf 's%.0s' {1..40})"
    expect(signPluginRequest(secret, now, body)).toBe(
      'v1=08bba1dc050f2442c7a82f5ba25ca66dd8fad3557282ba69c5aae8a8acb41347',
    );
  });

  it('v2 covers method, path with query, actor and body', () => {
    const text = `v2:${now}:PATCH:/plugin/v1/admin/globals:admin:alice:${body.toString()}`;
    expect(v2()).toBe(`v2=${createHmac('sha256', secret).update(text).digest('hex')}`);
  });

  it('accepts a fresh, correct v2 or v1 signature', () => {
    expect(verifyPluginSignature(secret, { timestamp: String(now), signature: v2() }, request, now)).toEqual({
      ok: true,
    });
    const old = String(now - 299);
    expect(
      verifyPluginSignature(secret, { timestamp: old, signature: v2({}, now - 299) }, request, now),
    ).toEqual({ ok: true });
    const v1 = signPluginRequest(secret, now, body);
    expect(verifyPluginSignature(secret, { timestamp: String(now), signature: v1 }, request, now)).toEqual({
      ok: true,
    });
  });

  it('refuses v1 once v1 is switched off', () => {
    const v1 = signPluginRequest(secret, now, body);
    const result = verifyPluginSignature(secret, { timestamp: String(now), signature: v1 }, request, now, {
      acceptV1: false,
    });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/switched off/) });
  });

  it.each([
    ['missing headers', {}, /required/],
    ['a non-numeric timestamp', { timestamp: '12a', signature: 'v2=00' }, /unix seconds/],
    ['a timestamp 301 s old', { timestamp: String(now - 301), signature: v2({}, now - 301) }, /300 seconds/],
    [
      'a timestamp 301 s ahead',
      { timestamp: String(now + 301), signature: v2({}, now + 301) },
      /300 seconds/,
    ],
    [
      'another secret',
      { timestamp: String(now), signature: signPluginRequestV2('t'.repeat(40), now, request) },
      /does not match/,
    ],
    ['a truncated signature', { timestamp: String(now), signature: v2().slice(0, 20) }, /does not match/],
    [
      'a signature of another body',
      { timestamp: String(now), signature: v2({ body: '{}' }) },
      /does not match/,
    ],
    [
      'a signature for another route',
      { timestamp: String(now), signature: v2({ url: '/plugin/v1/admin/plans' }) },
      /does not match/,
    ],
    [
      'a signature for another query',
      { timestamp: String(now), signature: v2({ url: '/plugin/v1/admin/globals?x=1' }) },
      /does not match/,
    ],
    [
      'a signature for another method',
      { timestamp: String(now), signature: v2({ method: 'GET' }) },
      /does not match/,
    ],
    [
      'a signature for another actor',
      { timestamp: String(now), signature: v2({ actor: 'customer:1' }) },
      /does not match/,
    ],
  ])('refuses %s', (_label, headers, reason) => {
    const result = verifyPluginSignature(secret, headers, request, now);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(reason);
  });
});
