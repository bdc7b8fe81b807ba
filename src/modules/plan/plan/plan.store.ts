import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { isUniqueViolation } from '../../shared/database/unique-violation';
import { DomainError } from '../../shared/errors/domain.error';
import { ErrorCode } from '../../shared/errors/error-code.enum';
import { MailingPlan } from '../mailing-plan/mailing-plan.entity';
import { PlanResponseDto } from './dto/plan-response.dto';
import type { MailingPlanRef } from './plan-builder';
import { Plan } from './plan.entity';

/** Loads and saves plans with their offers and resources; maps them to responses with mailing-plan names. */
@Injectable()
export class PlanStore {
  constructor(@InjectRepository(Plan) private readonly plans: Repository<Plan>) {}

  get manager(): EntityManager {
    return this.plans.manager;
  }

  async require(id: string, manager: EntityManager = this.manager): Promise<Plan> {
    const plan = isUUID(id) ? await manager.findOne(Plan, { where: { id } }) : null;
    if (!plan) throw new DomainError(ErrorCode.NOT_FOUND, `No plan has the id ${id}`);
    return plan;
  }

  list(includeArchived: boolean, manager: EntityManager = this.manager): Promise<Plan[]> {
    return manager.find(Plan, { where: includeArchived ? {} : { status: 'active' }, order: { name: 'ASC' } });
  }

  async catalogue(manager: EntityManager = this.manager): Promise<MailingPlanRef[]> {
    const rows = await manager.find(MailingPlan);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      archived: row.archived,
      isDefault: row.isDefault,
    }));
  }

  /** Saves the plan; a name already taken (case-insensitively) by another plan is a 409 naming the field. */
  async save(plan: Plan, manager: EntityManager): Promise<void> {
    const clash = await manager.findOne(Plan, { where: { nameKey: plan.nameKey } });
    if (clash && clash.id !== plan.id) {
      throw new DomainError(ErrorCode.CONFLICT, `A plan named "${clash.name}" already exists`, {
        errors: [
          { field: 'name', rule: 'unique', message: `"${plan.name}" is already taken by another plan` },
        ],
      });
    }
    try {
      await manager.save(Plan, plan);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new DomainError(ErrorCode.CONFLICT, `A plan named "${plan.name}" was just created concurrently`, {
        errors: [
          { field: 'name', rule: 'unique', message: `"${plan.name}" is already taken by another plan` },
        ],
        cause: error,
      });
    }
  }

  async toResponse(plan: Plan, manager: EntityManager = this.manager): Promise<PlanResponseDto> {
    return (await this.toResponses([plan], manager))[0];
  }

  /** Responses for several plans with one read of the mailing-plan names. */
  async toResponses(plans: Plan[], manager: EntityManager = this.manager): Promise<PlanResponseDto[]> {
    const names = new Map((await this.catalogue(manager)).map((m) => [m.id, m.name]));
    return plans.map((plan) => PlanResponseDto.from(plan, names));
  }
}
