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
import { currentRequestId } from '../../modules/shared/logging/request-context';
import { problemOf, type ProblemDetails } from './problem-details';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: ErrorCode.MALFORMED_REQUEST,
  [HttpStatus.NOT_FOUND]: ErrorCode.NOT_FOUND,
  [HttpStatus.PAYLOAD_TOO_LARGE]: ErrorCode.PAYLOAD_TOO_LARGE,
};

/** Maps every error leaving a route to `application/problem+json`; unknown errors are logged, not shown. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const problem = { ...this.toProblem(error), instance: http.getRequest<Request>().originalUrl };
    const requestId = currentRequestId();
    if (requestId) problem.requestId = requestId;
    http.getResponse<Response>().status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(error: unknown): ProblemDetails {
    if (error instanceof DomainError) return problemOf(error.code, error.detail, error.errors, error.meta);
    if (error instanceof HttpException && error.getStatus() < 500) {
      const code = STATUS_CODES[error.getStatus()] ?? ErrorCode.MALFORMED_REQUEST;
      return { ...problemOf(code, error.message), status: error.getStatus() };
    }
    this.logger.error(error instanceof Error ? error : String(error));
    return problemOf(ErrorCode.INTERNAL, 'The request failed unexpectedly; quote the request id to support');
  }
}
