import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { isUniqueViolation } from '../../shared/database/unique-violation';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { MailingPlan } from './mailing-plan.entity';

/** 409 naming the field: another mailing plan (perhaps archived) already has this name. */
export function nameTaken(name: string, existing: MailingPlan, field = 'name'): DomainError {
  const archived = existing.archived ? 'an archived ' : 'a ';
  return new DomainError(
    ErrorCode.CONFLICT,
    `${archived}mailing plan named "${existing.name}" already exists`,
    {
      errors: [
        { field, rule: 'unique', message: `"${name}" is already taken by mailing plan ${existing.name}` },
      ],
    },
  );
}

/** Loads and saves mailing plans. */
@Injectable()
export class MailingPlanStore {
  constructor(@InjectRepository(MailingPlan) private readonly rows: Repository<MailingPlan>) {}

  get manager(): EntityManager {
    return this.rows.manager;
  }

  list(includeArchived: boolean, manager: EntityManager = this.manager): Promise<MailingPlan[]> {
    return manager.find(MailingPlan, {
      where: includeArchived ? {} : { archived: false },
      order: { nameKey: 'ASC' },
    });
  }

  async require(id: string, manager: EntityManager = this.manager): Promise<MailingPlan> {
    const plan = isUUID(id) ? await manager.findOneBy(MailingPlan, { id }) : null;
    if (!plan) throw new DomainError(ErrorCode.NOT_FOUND, `No mailing plan has the id ${id}`);
    return plan;
  }

  findByNameKey(nameKey: string, manager: EntityManager): Promise<MailingPlan | null> {
    return manager.findOneBy(MailingPlan, { nameKey });
  }

  findDefault(manager: EntityManager): Promise<MailingPlan | null> {
    return manager.findOneBy(MailingPlan, { isDefault: true });
  }

  /** Takes the default mark off `plan` (it must be written before another plan takes the mark). */
  async clearDefault(plan: MailingPlan, now: Date, manager: EntityManager): Promise<void> {
    await manager.update(MailingPlan, { id: plan.id }, { isDefault: false, updatedAt: now });
    Object.assign(plan, { isDefault: false, updatedAt: now });
  }

  async insert(plan: MailingPlan, manager: EntityManager): Promise<void> {
    await this.refusingDuplicates(plan, () => manager.insert(MailingPlan, plan));
  }

  async update(plan: MailingPlan, manager: EntityManager): Promise<void> {
    const { id, ...values } = plan;
    await this.refusingDuplicates(plan, () => manager.update(MailingPlan, { id }, values));
  }

  private async refusingDuplicates(plan: MailingPlan, write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError(
        ErrorCode.CONFLICT,
        `Mailing plan "${plan.name}" was changed concurrently (its name or the default plan was taken): retry`,
        { cause: error },
      );
    }
  }
}
