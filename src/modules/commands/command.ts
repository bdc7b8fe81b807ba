import type { Type } from '@nestjs/common';
import type { ClassConstructor } from 'class-transformer';
import type { Actor } from '../shared/actor';

/** Resolves a use case from the application (the bus's module reference). */
export type UseCases = <T>(type: Type<T>) => T;

/**
 * A command: a name, the class its input is validated with, and how it runs (which use case, with what). The
 * use case asks the policy itself; the bus only validates, resolves and calls.
 */
export interface Command<I extends object, R> {
  /** The class its ids are validated with; null: it names nothing. */
  input: ClassConstructor<I> | null;
  /** Whether it takes a `body` (an object the use case validates with its own DTO). */
  body: boolean;
  run: (useCases: UseCases, input: I & { body?: object }, actor: Actor) => Promise<R>;
}

export const command = <I extends object, R>(
  input: ClassConstructor<I> | null,
  run: (useCases: UseCases, input: I, actor: Actor) => Promise<R>,
): Command<I, R> => ({ input, body: false, run });

export const commandWithBody = <I extends object, R>(
  input: ClassConstructor<I> | null,
  run: (useCases: UseCases, input: I & { body?: object }, actor: Actor) => Promise<R>,
): Command<I, R> => ({ input, body: true, run });
