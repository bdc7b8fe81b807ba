import { Injectable } from '@nestjs/common';
import type { ApprovalRequest } from '../exchange/approval/approval-request.entity';
import type { ApprovedCommandRunner } from '../exchange/approval/approved-command.runner';
import { Actor } from '../shared/actor';
import { CommandBus } from './command-bus';
import { joinSecrets } from './command-secrets';

/** Runs an approved request's command through the dispatcher, as its requester, its secrets put back. */
@Injectable()
export class ApprovedCommands implements ApprovedCommandRunner {
  constructor(private readonly bus: CommandBus) {}

  run(request: ApprovalRequest, secret: string | null): Promise<unknown> {
    const { command, input } = request.payload as { command: string; input: Record<string, unknown> };
    const secrets = secret === null ? null : (JSON.parse(secret) as Record<string, string>);
    return this.bus.execute(command, joinSecrets(input, secrets), Actor.parse(request.requestedBy), {
      approved: request.id,
    });
  }
}
