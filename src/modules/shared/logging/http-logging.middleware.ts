import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { runWithRequestContext } from './request-context';

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}

/**
 * Express middleware: gives each request an id (the caller's X-Request-Id when well-formed), echoes it
 * in the response, runs the rest of the request inside a context carrying it, and logs the request once.
 */
export function httpLoggingMiddleware(logger: Logger) {
  const log = pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = requestIdOf(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    autoLogging: { ignore: (req) => req.url === '/health' },
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    log(req, res);
    runWithRequestContext({ requestId: req.id as string }, next);
  };
}
