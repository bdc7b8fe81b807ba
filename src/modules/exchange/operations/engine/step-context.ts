import type { SecretBox } from '../../../shared/crypto/secret-box';
import type { StepContext } from '../operation-definition';
import { openSecretField } from '../operation-secrets';
import type { Operation } from '../operation.entity';
import type { OperationStep } from '../operation-step.entity';
import type { OperationLease } from './operation-lease';

/** The database-free view a step gets of its operation; its writes go through the fenced lease. */
export function stepContext(
  operation: Operation,
  steps: OperationStep[],
  step: OperationStep,
  lease: OperationLease,
  box: SecretBox,
): StepContext {
  return {
    operationId: operation.id,
    kind: operation.kind,
    accountId: operation.accountId,
    target: { type: operation.targetType, id: operation.targetId },
    input: operation.input,
    attempt: operation.attempts,
    output: <T>(stepName: string) => steps.find((s) => s.name === stepName)?.output as T | undefined,
    saveOutput: async (value: unknown) => {
      await lease.write({}, { seq: step.seq, patch: { output: value } });
      step.output = value;
    },
    secret: (field: string) => openSecretField(box, operation.input, field),
    progress: async (done: number, total?: number) => {
      const patch = { progressDone: done, ...(total !== undefined && { progressTotal: total }) };
      await lease.write(patch);
      Object.assign(operation, patch);
    },
  };
}
