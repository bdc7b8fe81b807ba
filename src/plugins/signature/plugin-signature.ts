import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_WINDOW_SECONDS = 300;

/** The signature the host panel sends: `v1=<hex HMAC-SHA256(secret, "v1:" + timestamp + ":" + raw body)>`. */
export function signPluginRequest(
  secret: string,
  timestamp: number | string,
  rawBody: Buffer | string,
): string {
  const mac = createHmac('sha256', secret).update(`v1:${timestamp}:`).update(rawBody).digest('hex');
  return `v1=${mac}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks X-Plugin-Timestamp / X-Plugin-Signature against the raw body: both present, the timestamp within
 * five minutes of now (either side), and the HMAC equal in constant time.
 */
export function verifyPluginSignature(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  rawBody: Buffer,
  nowSeconds: number,
): SignatureCheck {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature)
    return { ok: false, reason: 'X-Plugin-Timestamp and X-Plugin-Signature headers are required' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'X-Plugin-Timestamp must be unix seconds' };
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
    return {
      ok: false,
      reason: `X-Plugin-Timestamp is more than ${SIGNATURE_WINDOW_SECONDS} seconds from the server's clock`,
    };
  }
  const expected = Buffer.from(signPluginRequest(secret, timestamp, rawBody));
  const given = Buffer.from(signature.trim());
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'X-Plugin-Signature does not match the request body' };
  }
  return { ok: true };
}
