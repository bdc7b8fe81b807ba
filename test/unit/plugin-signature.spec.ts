import { signPluginRequest, verifyPluginSignature } from '../../src/plugins/signature/plugin-signature';

describe('plugin request signature', () => {
  const secret = 's'.repeat(40);
  const body = Buffer.from('{"exchangeHostingEnabled":true}');
  const now = 1_800_000_000;

  it('matches the documented recipe: v1=<hex HMAC-SHA256(secret, "v1:" + ts + ":" + body)>', () => {
    // From: printf '%s' 'v1:1800000000:{"exchangeHostingEnabled":true}' | openssl dgst -sha256 -hmac "$(printf 's%.0s' {1..40})"
    expect(signPluginRequest(secret, now, body)).toBe(
      'v1=08bba1dc050f2442c7a82f5ba25ca66dd8fad3557282ba69c5aae8a8acb41347',
    );
  });

  it('accepts a fresh, correct signature', () => {
    const signature = signPluginRequest(secret, now, body);
    expect(
      verifyPluginSignature(
        secret,
        { timestamp: String(now - 299), signature: signPluginRequest(secret, now - 299, body) },
        body,
        now,
      ),
    ).toEqual({ ok: true });
    expect(verifyPluginSignature(secret, { timestamp: String(now), signature }, body, now)).toEqual({
      ok: true,
    });
  });

  it.each([
    ['missing headers', {}, /required/],
    ['a non-numeric timestamp', { timestamp: '12a', signature: 'v1=00' }, /unix seconds/],
    [
      'a timestamp 301 s old',
      { timestamp: String(now - 301), signature: signPluginRequest(secret, now - 301, body) },
      /300 seconds/,
    ],
    [
      'a timestamp 301 s ahead',
      { timestamp: String(now + 301), signature: signPluginRequest(secret, now + 301, body) },
      /300 seconds/,
    ],
    [
      'another secret',
      { timestamp: String(now), signature: signPluginRequest('t'.repeat(40), now, body) },
      /does not match/,
    ],
    [
      'a truncated signature',
      { timestamp: String(now), signature: signPluginRequest(secret, now, body).slice(0, 20) },
      /does not match/,
    ],
    [
      'a signature of another body',
      { timestamp: String(now), signature: signPluginRequest(secret, now, '{}') },
      /does not match/,
    ],
  ])('refuses %s', (_label, headers, reason) => {
    const result = verifyPluginSignature(secret, headers, body, now);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.reason).toMatch(reason);
  });
});
