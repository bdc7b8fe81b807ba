/**
 * Log paths whose values are secrets. pino replaces them with "[redacted]" before a line is written;
 * the wildcard paths catch secrets nested one or two levels inside logged objects.
 */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'secret',
  'secretKey',
  'signingSecret',
  'token',
  'authorization',
  'unicodePwd',
];

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-plugin-signature"]',
  'req.headers["x-slack-signature"]',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];
