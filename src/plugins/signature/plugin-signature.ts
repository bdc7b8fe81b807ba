import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_WINDOW_SECONDS = 300;

/** What a v2 signature covers besides the timestamp: the route, the actor and the exact body. */
export interface SignedRequest {
  method: string;
  /** Path and query exactly as sent, e.g. `/plugin/v1/admin/audit?limit=5`. */
  url: string;
  /** The X-Plugin-Actor header ('' when absent). */
  actor: string;
  body: Buffer | string;
}

const hmac = (secret: string, prefix: string, body: Buffer | string): string =>
  createHmac('sha256', secret).update(prefix).update(body).digest('hex');

/** v1 (the original contract): `v1=<hex HMAC-SHA256(secret, "v1:" + timestamp + ":" + raw body)>`. */
export function signPluginRequest(
  secret: string,
  timestamp: number | string,
  rawBody: Buffer | string,
): string {
  return `v1=${hmac(secret, `v1:${timestamp}:`, rawBody)}`;
}

/**
 * v2: `v2=<hex HMAC-SHA256(secret, "v2:" + timestamp + ":" + METHOD + ":" + path?query + ":" + actor + ":" + raw body)>`.
 * Unlike v1 it binds the signature to the route and the actor, so a captured request cannot be replayed
 * against another route or as another actor within the window.
 */
export function signPluginRequestV2(
  secret: string,
  timestamp: number | string,
  request: SignedRequest,
): string {
  const prefix = `v2:${timestamp}:${request.method.toUpperCase()}:${request.url}:${request.actor}:`;
  return `v2=${hmac(secret, prefix, request.body)}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks X-Plugin-Timestamp / X-Plugin-Signature: both present, the timestamp within five minutes of now
 * (either side), and the HMAC (v2, or v1 when still accepted) equal in constant time.
 */
export function verifyPluginSignature(
  secret: string,
  headers: { timestamp?: string; signature?: string },
  request: SignedRequest,
  nowSeconds: number,
  options: { acceptV1: boolean } = { acceptV1: true },
): SignatureCheck {
  const { timestamp, signature } = headers;
  if (!timestamp || !signature) {
    return { ok: false, reason: 'X-Plugin-Timestamp and X-Plugin-Signature headers are required' };
  }
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'X-Plugin-Timestamp must be unix seconds' };
  if (Math.abs(nowSeconds - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
    return {
      ok: false,
      reason: `X-Plugin-Timestamp is more than ${SIGNATURE_WINDOW_SECONDS} seconds from the server's clock`,
    };
  }
  const given = signature.trim();
  if (given.startsWith('v1=') && !options.acceptV1) {
    return { ok: false, reason: 'v1 signatures are switched off (PLUGIN_SIGNATURE_V1=false): sign with v2' };
  }
  const expected = given.startsWith('v1=')
    ? signPluginRequest(secret, timestamp, request.body)
    : signPluginRequestV2(secret, timestamp, request);
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    return { ok: false, reason: 'X-Plugin-Signature does not match the request' };
  }
  return { ok: true };
}
