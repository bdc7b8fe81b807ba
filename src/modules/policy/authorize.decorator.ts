import 'reflect-metadata';
import { Actor } from '../shared/actor';
import { DomainError } from '../shared/errors/domain.error';
import { ErrorCode } from '../shared/errors/error-code.enum';
import { authorize } from './policy';
import type { OperationName } from './policy.table';

const OPERATION = Symbol('policy:operation');

export interface AuthorizeOptions {
  /** The position of the argument holding the account id, for operations on one account. */
  account?: number;
}

/**
 * Marks a use-case method as the operation `operation` of the policy table and asks the policy before the
 * method runs, whichever door calls it (plugin API, Slack bot, in-process module, an approval replaying it). The
 * actor is the method's `Actor` argument.
 */
export function Authorize(operation: OperationName, options: AuthorizeOptions = {}): MethodDecorator {
  return (target, property, descriptor: PropertyDescriptor) => {
    const method = descriptor.value as (...args: unknown[]) => unknown;
    descriptor.value = async function authorized(this: unknown, ...args: unknown[]): Promise<unknown> {
      const actor = args.find((arg): arg is Actor => arg instanceof Actor);
      const account = options.account === undefined ? undefined : args[options.account];
      if (options.account !== undefined && typeof account !== 'string') {
        throw new DomainError(ErrorCode.FORBIDDEN, `${operation} needs the id of the account it is about`, {
          meta: { operation },
        });
      }
      authorize(operation, actor, account as string | undefined);
      return await method.apply(this, args);
    };
    Reflect.defineMetadata(OPERATION, { operation, ...options }, target, property);
    return descriptor;
  };
}

/** How a method was marked: its policy operation and where its account id is; undefined when not marked. */
export function authorizationOf(
  target: object,
  property: string | symbol,
): ({ operation: OperationName } & AuthorizeOptions) | undefined {
  return Reflect.getMetadata(OPERATION, target, property) as
    ({ operation: OperationName } & AuthorizeOptions) | undefined;
}
