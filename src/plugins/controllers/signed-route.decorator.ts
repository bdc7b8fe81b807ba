import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';

const PROBLEM = 'application/problem+json with type, title, status, detail, code and errors[]';

/** OpenAPI for a signed plugin route: the three headers and the problem responses. */
export const SignedRoute = () =>
  applyDecorators(
    ApiHeader({
      name: 'X-Plugin-Timestamp',
      required: true,
      description: 'Unix seconds; within 5 minutes of the server clock',
    }),
    ApiHeader({
      name: 'X-Plugin-Signature',
      required: true,
      description:
        'v2=<hex HMAC-SHA256(PLUGIN_SIGNING_SECRET, "v2:" + timestamp + ":" + METHOD + ":" + path?query + ":" + X-Plugin-Actor + ":" + raw body)>; legacy v1=<hex HMAC(secret, "v1:" + timestamp + ":" + raw body)> while PLUGIN_SIGNATURE_V1=true',
    }),
    ApiHeader({
      name: 'X-Plugin-Actor',
      required: true,
      description: 'Who acts: admin:<login>, customer:<accountId>, support:<id>',
    }),
    ApiResponse({ status: 400, description: `Invalid input: ${PROBLEM}` }),
    ApiResponse({ status: 401, description: `Missing, bad or stale signature: ${PROBLEM}` }),
    ApiResponse({ status: 403, description: `Actor not allowed: ${PROBLEM}` }),
  );
