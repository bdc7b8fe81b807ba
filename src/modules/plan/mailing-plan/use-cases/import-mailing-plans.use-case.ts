import { Authorize } from '../../../policy/authorize.decorator';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLog } from '../../../audit/audit-log';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock/clock.port';
import { DomainError } from '../../../shared/errors/domain.error';
import { ErrorCode } from '../../../shared/errors/error-code.enum';
import type {
  MailingPlanImportEntryDto,
  MailingPlanImportResultDto,
} from '../dto/mailing-plan-import-result.dto';
import { readImportRequest } from '../import/import-request';
import { planImport, type ImportStep } from '../import/import-plan';
import { nameKeyOf, pickFields, valuesOf } from '../mailing-plan';
import { MailingPlan } from '../mailing-plan.entity';
import { MailingPlanStore } from '../mailing-plan.store';
import { auditView, MAILING_PLAN_TARGET } from './mailing-plan-audit';

/**
 * Imports mailing plans (H-Sphere XML or JSON), all or nothing in one transaction: every plan of the file is
 * created, updated (only the values it names) or left unchanged; re-importing the same file changes nothing.
 * Any error writes nothing. Lowering a plan's mailbox size needs `confirmShrink` (every plan counts as in use).
 * H-Sphere features that map to no value are kept on the plan as they came, each reported as a warning.
 */
@Injectable()
export class ImportMailingPlansUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: MailingPlanStore,
    private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Authorize('mailingPlan.import')
  async execute(input: unknown, actor: Actor): Promise<MailingPlanImportResultDto> {
    const request = await readImportRequest(input);

    return this.dataSource.transaction(async (manager) => {
      const { steps, errors, shrinks } = planImport(request.plans, await this.store.list(true, manager));
      if (errors.length > 0) throw DomainError.validation(errors);
      if (shrinks.length > 0 && !request.confirmShrink) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `The import lowers mailbox sizes (${shrinks.map((s) => s.message).join('; ')}); mailboxes may already hold more: send confirmShrink: true to apply it`,
          { errors: shrinks },
        );
      }

      const now = this.clock.now();
      const entries: MailingPlanImportEntryDto[] = [];
      for (const step of steps) entries.push(await this.apply(step, actor, now, manager));
      const count = (result: string) => entries.filter((entry) => entry.result === result).length;
      return {
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        plans: entries,
        warnings: request.plans.flatMap((plan) =>
          plan.extraFeatures.map((feature) => ({
            plan: plan.name,
            feature: feature.name,
            message: 'not mapped; kept on the plan as imported',
          })),
        ),
      };
    });
  }

  private async apply(
    step: ImportStep,
    actor: Actor,
    now: Date,
    manager: EntityManager,
  ): Promise<MailingPlanImportEntryDto> {
    const name = step.imported.name;
    if (step.kind === 'unchanged')
      return { name: step.current.name, id: step.current.id, result: 'unchanged' };

    const record = (targetId: string, before: unknown, after: unknown) =>
      this.audit.record(
        { actor, action: 'mailing-plan.import', targetType: MAILING_PLAN_TARGET, targetId, before, after },
        manager,
      );
    if (step.kind === 'create') {
      const plan = Object.assign(new MailingPlan(), {
        id: randomUUID(),
        ...step.after,
        extraFeatures: step.extraFeatures,
        nameKey: nameKeyOf(name),
        isDefault: false,
        archived: false,
        createdAt: now,
        updatedAt: now,
      });
      await this.store.insert(plan, manager);
      await record(plan.id, null, auditView(plan));
      return { name, id: plan.id, result: 'created' };
    }

    const plan = step.current;
    const before = { ...valuesOf(plan), extraFeatures: plan.extraFeatures, archived: plan.archived };
    const after = { ...step.after, extraFeatures: step.extraFeatures, archived: false };
    Object.assign(plan, after, { nameKey: nameKeyOf(step.after.name), updatedAt: now });
    await this.store.update(plan, manager);
    await record(plan.id, pickFields(before, step.changed), pickFields(after, step.changed));
    return { name: plan.name, id: plan.id, result: 'updated', changedFields: step.changed };
  }
}
