import type { Request, Response } from 'express';
import { currentRequestId } from '../../modules/shared/logging/request-context';
import type { ProblemDetails } from './problem-details';

/** Writes a problem document as `application/problem+json`, with the route and the request id. */
export function sendProblem(req: Request, res: Response, problem: ProblemDetails): void {
  const body: ProblemDetails = { ...problem, instance: req.originalUrl };
  const requestId = currentRequestId();
  if (requestId) body.requestId = requestId;
  res.status(body.status).type('application/problem+json').json(body);
}
