import { isUtf8 } from 'node:buffer';
import { parse as parseContentType } from 'content-type';
import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { DomainError } from '../../modules/shared/errors/domain.error';
import { ErrorCode } from '../../modules/shared/errors/error-code.enum';
import { MAX_INPUT_DEPTH } from '../../modules/shared/validation/input-shape';
import { jsonNestingExceeds } from './json-depth';
import { problemOf } from './problem-details';
import { sendProblem } from './send-problem';

/** Mailing-plan files up to 1 MB travel inside JSON (escaping can double them); use cases enforce their own limits. */
export const JSON_BODY_LIMIT = '3mb';

const TOO_DEEP = 'entity.too.deep';
const NOT_UTF8 = 'entity.not.utf8';
const refuse = (type: string) => Object.assign(new Error(type), { type, status: 400 });

const unsupported = (detail: string) => problemOf(ErrorCode.UNSUPPORTED_MEDIA_TYPE, detail);

/** Why a request's body is not one we read, or null: only `application/json` in UTF-8 (the default). */
function mediaTypeProblem(req: Request): string | null {
  const header = req.headers['content-type'];
  if (!header) return 'A request with a body must say Content-Type: application/json';
  let type: string;
  let charset: string | undefined;
  try {
    ({
      type,
      parameters: { charset },
    } = parseContentType(header));
  } catch {
    return 'The Content-Type header is malformed';
  }
  if (type !== 'application/json') return `Content-Type ${type} is not accepted: send application/json`;
  if (charset !== undefined && charset.toLowerCase() !== 'utf-8') {
    return `charset=${charset} is not accepted: send JSON in UTF-8`;
  }
  return null;
}

function parseFailure(error: { type?: string; status?: number }) {
  if (error.type === TOO_DEEP) {
    return DomainError.validation([
      { field: '(body)', rule: 'maxDepth', message: `the body nests deeper than ${MAX_INPUT_DEPTH} levels` },
    ]);
  }
  if (error.type === NOT_UTF8) {
    return new DomainError(ErrorCode.MALFORMED_REQUEST, 'The request body is not valid UTF-8');
  }
  if (error.type === 'entity.too.large') {
    return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, 'The request body is larger than allowed');
  }
  if (error.status === 415)
    return new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, 'The body encoding is not accepted');
  // The parser's own message quotes part of the body, which may hold a password: never shown.
  return new DomainError(
    ErrorCode.MALFORMED_REQUEST,
    'The request body could not be read: send one JSON object with Content-Type application/json',
  );
}

/**
 * The plugin API reads bodies in one way only, before the signature check and any route: JSON in UTF-8,
 * nested at most MAX_INPUT_DEPTH levels, at most JSON_BODY_LIMIT. Any other body is refused with 415 (so no
 * body escapes the signature, which covers the raw bytes kept here). Requests without a body pass.
 */
export function jsonBodyOnly(): RequestHandler {
  const parse = json({
    limit: JSON_BODY_LIMIT,
    strict: true,
    // No Content-Encoding: what is signed is what arrives, and no compressed body can expand in memory.
    inflate: false,
    type: () => true,
    verify: (req, _res, raw) => {
      (req as Request & { rawBody?: Buffer }).rawBody = raw;
      if (!isUtf8(raw)) throw refuse(NOT_UTF8);
      if (jsonNestingExceeds(raw, MAX_INPUT_DEPTH)) throw refuse(TOO_DEEP);
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const hasBody =
      req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (!hasBody) return next();
    const problem = mediaTypeProblem(req);
    if (problem) return sendProblem(req, res, unsupported(problem));
    parse(req, res, (error?: unknown) => {
      if (!error) return next();
      const failure = parseFailure(error);
      sendProblem(req, res, problemOf(failure.code, failure.detail, failure.errors));
    });
  };
}
