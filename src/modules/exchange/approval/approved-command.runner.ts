import type { ApprovalRequest } from './approval-request.entity';

/**
 * Runs the command an approved request holds, as its requester, with the opened secret put back into its input.
 * Provided by the command dispatcher (which depends on this module, so it is looked up, not injected).
 */
export const APPROVED_COMMAND_RUNNER = Symbol('ApprovedCommandRunner');

export interface ApprovedCommandRunner {
  run(request: ApprovalRequest, secret: string | null): Promise<unknown>;
}
