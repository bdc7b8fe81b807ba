import 'reflect-metadata';
import type { ModuleRef } from '@nestjs/core';
import { getMetadataStorage } from 'class-validator';
import type { DataSource } from 'typeorm';
import type { ApprovalRules } from '../../../src/modules/commands/approval-rules';
import type { CommandApprovals } from '../../../src/modules/commands/command-approvals';
import { COMMANDS, CommandBus, type CommandName } from '../../../src/modules/commands/command-bus';
import { authorizationOf } from '../../../src/modules/policy/authorize.decorator';
import { POLICY } from '../../../src/modules/policy/policy.table';
import { Actor } from '../../../src/modules/shared/actor';
import { DomainError } from '../../../src/modules/shared/errors/domain.error';

const ADMIN = new Actor('admin', 'ada');

/** A module reference whose use cases record the method called (and with what) instead of running it. */
function recordingModuleRef(held: string[] = []) {
  const calls: { type: { name: string; prototype: object }; method: string; args: unknown[] }[] = [];
  const moduleRef = {
    get: (type: { name: string; prototype: object }) =>
      new Proxy(
        {},
        {
          get:
            (_target, method: string) =>
            (...args: unknown[]) => {
              calls.push({ type, method, args });
              return Promise.resolve('done');
            },
        },
      ),
  } as unknown as ModuleRef;
  const requests: { name: string; input: unknown }[] = [];
  const rules = {
    heldFor: (name: string) => (held.includes(name) ? name : null),
  } as unknown as ApprovalRules;
  const approvals = {
    request: (name: string, _operation: string, input: unknown) => {
      requests.push({ name, input });
      return Promise.resolve('held');
    },
  } as unknown as CommandApprovals;
  return { bus: new CommandBus({} as DataSource, moduleRef, rules, approvals), calls, requests };
}

/** An input every command accepts: each id it may name, and a body. */
const INPUT = {
  id: 'i',
  accountId: 'acc-1',
  mailboxId: 'm',
  contactId: 'c',
  listId: 'l',
  domain: 'example.com',
  address: 'a@example.com',
  enabled: true,
  body: { any: 'thing' },
};

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as DomainError,
  );

describe('the command bus', () => {
  it.each(Object.keys(COMMANDS) as CommandName[])(
    '%s runs a use-case method that asks the policy, with the actor and the ids it was given',
    async (name) => {
      const { bus, calls } = recordingModuleRef();
      const definition = COMMANDS[name] as { input: (new () => object) | null; body: boolean };
      const input = {
        ...(definition.input ? pick(INPUT, definition.input) : {}),
        ...(definition.body && { body: INPUT.body }),
      };
      const accepted = await bus.execute(name, input, ADMIN).catch((e: unknown) => e);
      expect(accepted).toBe('done');
      expect(calls).toHaveLength(1);
      const [{ type, method, args }] = calls;
      const marked = authorizationOf(type.prototype, method);
      expect(marked?.operation).toBeDefined();
      expect(args).toContain(ADMIN);
      if (marked?.account !== undefined) expect(args[marked.account]).toBe('acc-1');
    },
  );

  it('has a command for every operation of the policy that changes something (reads and jobs are not commands)', async () => {
    const reached = new Set<string>();
    for (const name of Object.keys(COMMANDS) as CommandName[]) {
      const { bus, calls } = recordingModuleRef();
      const definition = COMMANDS[name] as { input: (new () => object) | null; body: boolean };
      const input = definition.input ? pick(INPUT, definition.input) : {};
      await bus.execute(name, { ...input, ...(definition.body && { body: INPUT.body }) }, ADMIN);
      reached.add(authorizationOf(calls[0].type.prototype, calls[0].method)!.operation);
    }
    const READS =
      /\.(list|read|export|estimate|usage|report|reportAll|operation\.read)$|^usage\.all$|^domain\.recheckPending$/;
    const changes = Object.keys(POLICY).filter((op) => !READS.test(op));
    expect(changes.filter((op) => !reached.has(op))).toEqual([]);
    expect(changes.length).toBeGreaterThan(40);
  });

  it('opens an approval request instead of running a command the rules hold', async () => {
    const { bus, calls, requests } = recordingModuleRef(['mailbox.delete']);
    const input = { accountId: 'acc-1', mailboxId: 'm' };
    expect(await bus.execute('mailbox.delete', input, ADMIN)).toBe('held');
    expect(requests).toEqual([{ name: 'mailbox.delete', input }]);
    expect(calls).toEqual([]);
  });

  it('refuses an unknown command, naming the field', async () => {
    const { bus, calls } = recordingModuleRef();
    const error = await failureOf(bus.execute('mailbox.explode', {}, ADMIN));
    expect(error.errors).toEqual([expect.objectContaining({ field: 'command', rule: 'isCommand' })]);
    expect(await failureOf(bus.execute('constructor', {}, ADMIN))).toBeInstanceOf(DomainError);
    expect(calls).toEqual([]);
  });

  it('validates the whole input before any use case runs: ids, their types, unknown fields', async () => {
    const { bus, calls } = recordingModuleRef();
    const rules = async (input: unknown) =>
      (await failureOf(bus.execute('mailbox.delete', input, ADMIN))).errors
        .map((e) => `${e.field}:${e.rule}`)
        .sort();
    expect(await rules({ accountId: 'acc-1' })).toEqual(['mailboxId:isString', 'mailboxId:maxLength']);
    expect(await rules({ accountId: 5, mailboxId: 'm' })).toEqual([
      'accountId:isString',
      'accountId:maxLength',
    ]);
    expect(await rules({ accountId: 'acc-1', mailboxId: 'm', extra: 1 })).toEqual([
      'extra:whitelistValidation',
    ]);
    expect(await rules({ accountId: 'acc-1\u0000', mailboxId: 'm' })).toEqual([
      'accountId:noControlCharacters',
    ]);
    const edit = await failureOf(
      bus.execute('mailbox.edit', { accountId: 'acc-1', mailboxId: 'm', body: [] }, ADMIN),
    );
    expect(edit.errors.map((e) => `${e.field}:${e.rule}`)).toEqual(['(body):isObject']);
    const test = await failureOf(bus.execute('mpfConnection.test', { url: 'x' }, ADMIN));
    expect(test.errors.map((e) => `${e.field}:${e.rule}`)).toEqual(['(input):isEmpty']);
    expect(calls).toEqual([]);
  });
});

/** The part of `input` that the command's input class declares (others would be refused as unknown). */
function pick(input: Record<string, unknown>, type: new () => object): Record<string, unknown> {
  const declared = declaredFields(type);
  return Object.fromEntries(Object.entries(input).filter(([key]) => declared.has(key)));
}

function declaredFields(type: new () => object): Set<string> {
  // class-validator knows each class's fields (inherited ones included).
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(type, '', true, false)
      .map((m) => m.propertyName),
  );
}
