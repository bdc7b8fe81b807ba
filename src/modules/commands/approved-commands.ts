import { Injectable } from '@nestjs/common';
import type { ApprovalRequest } from '../exchange/approval/approval-request.entity';
import type { ApprovedCommandRunner } from '../exchange/approval/approved-command.runner';
import { CommandBus } from './command-bus';

/** Runs an approved request's command through the dispatcher (once, as its requester, its secrets put back). */
@Injectable()
export class ApprovedCommands implements ApprovedCommandRunner {
  constructor(private readonly bus: CommandBus) {}

  run(request: ApprovalRequest, secret: string | null): Promise<unknown> {
    return this.bus.runApproved(request.id, secret);
  }
}
