import {
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../../modules/shared/errors/domain.error';
import { ErrorCode } from '../../modules/shared/errors/error-code.enum';
import { problemOf, type ProblemDetails } from './problem-details';
import { sendProblem } from './send-problem';

/**
 * Framework errors (body parsing, unknown routes) in our vocabulary. Their own messages are not shown: a JSON
 * parse error quotes part of the body, which may hold a password.
 */
const FRAMEWORK_ERRORS: Partial<Record<number, { code: ErrorCode; detail: string }>> = {
  [HttpStatus.BAD_REQUEST]: {
    code: ErrorCode.MALFORMED_REQUEST,
    detail: 'The request body could not be read: send valid JSON with Content-Type application/json',
  },
  [HttpStatus.NOT_FOUND]: { code: ErrorCode.NOT_FOUND, detail: 'No such route' },
  [HttpStatus.PAYLOAD_TOO_LARGE]: {
    code: ErrorCode.PAYLOAD_TOO_LARGE,
    detail: 'The request body is larger than allowed',
  },
};

/** Maps every error leaving a route to `application/problem+json`; unknown errors are logged, not shown. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    sendProblem(http.getRequest<Request>(), http.getResponse<Response>(), this.toProblem(error));
  }

  private toProblem(error: unknown): ProblemDetails {
    if (error instanceof DomainError) return problemOf(error.code, error.detail, error.errors, error.meta);
    const known = error instanceof HttpException ? FRAMEWORK_ERRORS[error.getStatus()] : undefined;
    if (known) return problemOf(known.code, known.detail);
    this.logger.error(error instanceof Error ? error : String(error));
    return problemOf(ErrorCode.INTERNAL, 'The request failed unexpectedly; quote the request id to support');
  }
}
