import { Injectable, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Actor } from '../shared/actor';
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
    private readonly moduleRef: ModuleRef,
    private readonly rules: ApprovalRules,
    private readonly approvals: CommandApprovals,
  ) {}

  /**
   * Runs a command, or, when the approval rules hold it for the actor's role, opens an approval request and
   * answers it (status `pending`). `approved` names the approved request a replay comes from.
   */
  async execute<N extends CommandName>(
    name: N,
    input: unknown,
    actor: Actor,
  ): Promise<CommandResult<N> | ApprovalResponseDto>;
  async execute(name: string, input: unknown, actor: Actor, replay?: { approved: string }): Promise<unknown>;
  async execute(name: string, input: unknown, actor: Actor, replay?: { approved: string }): Promise<unknown> {
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
    const held = replay ? null : this.rules.heldFor(name, actor);
    if (held) return this.approvals.request(name, held, valid, actor);
    return definition.run((type) => this.moduleRef.get(type, { strict: false }), valid, actor);
  }
}
