#!/usr/bin/env node
// Sends one signed plugin API request, as a host panel would, and prints the response.
// Usage: node scripts/signed-request.mjs METHOD PATH [JSON_BODY]
// Env: BASE_URL (default http://127.0.0.1:$PORT or :3000), PLUGIN_SIGNING_SECRET (default: the one
// generated into $DATA_DIR/plugin-signing-secret), PLUGIN_ACTOR (default admin:cli).
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const [method = 'GET', path = '/plugin/v1/admin/globals', body = ''] = process.argv.slice(2);
const base = process.env.BASE_URL ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
const secret =
  process.env.PLUGIN_SIGNING_SECRET ?? readFileSync(join(process.env.DATA_DIR ?? 'data', 'plugin-signing-secret'), 'utf8').trim();
const timestamp = Math.floor(Date.now() / 1000).toString();
const actor = process.env.PLUGIN_ACTOR ?? 'admin:cli';
// v2: bound to method, path (with query) and actor, so it cannot be replayed elsewhere.
const signature = createHmac('sha256', secret)
  .update(`v2:${timestamp}:${method.toUpperCase()}:${path}:${actor}:${body}`)
  .digest('hex');

const response = await fetch(base + path, {
  method: method.toUpperCase(),
  headers: {
    'X-Plugin-Timestamp': timestamp,
    'X-Plugin-Signature': `v2=${signature}`,
    'X-Plugin-Actor': actor,
    ...(body && { 'Content-Type': 'application/json' }),
  },
  body: body || undefined,
});
console.log(`${response.status} ${response.statusText}`);
console.log(await response.text());
process.exitCode = response.ok ? 0 : 1;
