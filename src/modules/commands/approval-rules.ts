import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_CONFIG_KEY, type AppConfig } from '../globals/config/app-config';
import { POLICY, type OperationName } from '../policy/policy.table';
import { ACTOR_KINDS, type Actor } from '../shared/actor';

/**
 * Which commands wait for approval, by the requester's role (APPROVAL_RULES), and the quorum they need. A rule
 * names a command that is also a policy operation, so the request itself can be authorized when it is made.
 */
@Injectable()
export class ApprovalRules {
  private readonly rules: Set<string>;
  readonly quorum: number;

  constructor(config: ConfigService, commandNames: readonly string[]) {
    const { approvals } = config.getOrThrow<AppConfig>(APP_CONFIG_KEY);
    for (const { role, command } of approvals.rules) {
      if (!(ACTOR_KINDS as readonly string[]).includes(role)) {
        throw new Error(`APPROVAL_RULES: "${role}" is not a role (${ACTOR_KINDS.join(', ')})`);
      }
      if (!commandNames.includes(command) || !Object.hasOwn(POLICY, command)) {
        throw new Error(`APPROVAL_RULES: "${command}" is not a command that can wait for approval`);
      }
    }
    this.rules = new Set(approvals.rules.map(({ role, command }) => `${role}:${command}`));
    this.quorum = approvals.quorum;
  }

  /** The policy operation of `command` when `actor`'s role must wait for approval to run it; else null. */
  heldFor(command: string, actor: Actor): OperationName | null {
    return this.rules.has(`${actor.kind}:${command}`) ? (command as OperationName) : null;
  }
}
