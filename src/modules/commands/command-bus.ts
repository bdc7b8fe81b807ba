import { Injectable, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { ApprovalRequest, COMMAND_APPROVAL } from '../exchange/approval/approval-request.entity';
import { forUpdate } from '../shared/database/lock-for-update';
import { ErrorCode } from '../shared/errors/error-code.enum';
import { Actor } from '../shared/actor';
import { joinSecrets } from './command-secrets';
import { DomainError } from '../shared/errors/domain.error';
import { validateInput } from '../shared/validation/validate-input';
import type { ApprovalResponseDto } from '../exchange/approval/dto/approval-response.dto';
import { ApprovalRules } from './approval-rules';
import { CommandApprovals } from './command-approvals';
import { ACCOUNT_COMMANDS } from './account.commands';
import { MAILBOX_COMMANDS } from './mailbox.commands';
import { ORGANIZATION_COMMANDS } from './organization.commands';
import { PLATFORM_COMMANDS } from './platform.commands';

/** Every command of the product, by name: what changes Exchange, the catalogue or the platform. */
export const COMMANDS = {
  ...PLATFORM_COMMANDS,
  ...ACCOUNT_COMMANDS,
  ...MAILBOX_COMMANDS,
  ...ORGANIZATION_COMMANDS,
};

export type CommandName = keyof typeof COMMANDS;
export type CommandResult<N extends CommandName> = Awaited<ReturnType<(typeof COMMANDS)[N]['run']>>;

function requireObject(value: unknown, field: string): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return value as Record<string, unknown>;
  throw DomainError.validation([{ field, rule: 'isObject', message: `${field} must be a JSON object` }]);
}

/** A command that names nothing takes no ids. */
function noInput(ids: Record<string, unknown>): object {
  if (Object.keys(ids).length === 0) return {};
  throw DomainError.validation([
    { field: '(input)', rule: 'isEmpty', message: 'this command takes no input' },
  ]);
}

export const isCommandName = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/**
 * The one dispatcher of commands: `execute(name, input, actor)` validates the command's input (its ids, and its
 * body as an object) and runs its use case, which asks the policy before anything else. The plugin API's
 * controllers, the Slack bot, the in-process module and an approval replaying a stored command all come here.
 */
@Injectable()
export class CommandBus {
  constructor(
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly rules: ApprovalRules,
    private readonly approvals: CommandApprovals,
  ) {}

  /**
   * Runs a command, or, when the approval rules hold it for the actor's role, opens an approval request and
   * answers it (status `pending`).
   */
  async execute<N extends CommandName>(
    name: N,
    input: unknown,
    actor: Actor,
  ): Promise<CommandResult<N> | ApprovalResponseDto>;
  async execute(name: string, input: unknown, actor: Actor): Promise<unknown>;
  async execute(name: string, input: unknown, actor: Actor): Promise<unknown> {
    return this.dispatch(name, input, actor, true);
  }

  /**
   * Runs the command an approved request holds, as its requester, once: the request must be a command's,
   * approved, and not run yet (marked run in the same locked read, so a second call is refused).
   */
  async runApproved(requestId: string, secret: string | null): Promise<unknown> {
    const request = await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(ApprovalRequest, { where: { id: requestId }, ...forUpdate(manager) });
      if (row?.kind !== COMMAND_APPROVAL || row.status !== 'approved' || row.payload.ran === true) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `Approval request ${requestId} holds no approved command to run`,
        );
      }
      await manager.update(ApprovalRequest, { id: requestId }, { payload: { ...row.payload, ran: true } });
      return row;
    });
    const { command, input } = request.payload as { command: string; input: Record<string, unknown> };
    const secrets = secret === null ? null : (JSON.parse(secret) as Record<string, string>);
    return this.dispatch(command, joinSecrets(input, secrets), Actor.parse(request.requestedBy), false);
  }

  private async dispatch(name: string, input: unknown, actor: Actor, mayHold: boolean): Promise<unknown> {
    if (!isCommandName(name)) {
      throw DomainError.validation([
        {
          field: 'command',
          rule: 'isCommand',
          message: `command must be one of the product's commands, not "${name.slice(0, 64)}"`,
        },
      ]);
    }
    const definition = COMMANDS[name] as {
      input: Type<object> | null;
      body: boolean;
      run: (use: <T>(type: Type<T>) => T, input: object, actor: Actor) => Promise<unknown>;
    };
    const { body, ...ids } = requireObject(input ?? {}, '(input)');
    if (body !== undefined && !definition.body) {
      throw DomainError.validation([
        { field: 'body', rule: 'whitelistValidation', message: `${name} takes no body` },
      ]);
    }
    const valid = {
      ...(definition.input ? await validateInput(definition.input, ids) : noInput(ids)),
      ...(body !== undefined && { body: requireObject(body, '(body)') }),
    };
    const held = mayHold ? this.rules.heldFor(name, actor) : null;
    if (held) return this.approvals.request(name, held, valid, actor);
    return definition.run((type) => this.moduleRef.get(type, { strict: false }), valid, actor);
  }
}
