import { Injectable } from '@nestjs/common';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import type { OperationDefinition } from './operation-definition';

/** The operation kinds modules provide (each registers its definitions when it starts). */
@Injectable()
export class OperationRegistry {
  private readonly definitions = new Map<string, OperationDefinition>();

  register<I>(definition: OperationDefinition<I>): void {
    if (this.definitions.has(definition.kind)) {
      throw new Error(`Operation kind "${definition.kind}" is already registered`);
    }
    if (definition.steps.length === 0) throw new Error(`Operation kind "${definition.kind}" has no steps`);
    const names = new Set(definition.steps.map((step) => step.name));
    if (names.size !== definition.steps.length) {
      throw new Error(`Operation kind "${definition.kind}" has two steps with the same name`);
    }
    this.definitions.set(definition.kind, definition);
  }

  find(kind: string): OperationDefinition | undefined {
    return this.definitions.get(kind);
  }

  require(kind: string): OperationDefinition {
    const definition = this.definitions.get(kind);
    if (!definition) throw new DomainError(ErrorCode.INTERNAL, `Unknown operation kind "${kind}"`);
    return definition;
  }
}
