import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { GlobalsModule } from '../globals/globals.module';
import { MailingPlanModule } from './mailing-plan/mailing-plan.module';
import { PlanMailingPlan } from './plan/plan-mailing-plan.entity';
import { PlanResource } from './plan/plan-resource.entity';
import { Plan } from './plan/plan.entity';
import { PlanStore } from './plan/plan.store';
import { ArchivePlanUseCase } from './plan/use-cases/archive-plan.use-case';
import { ClonePlanUseCase } from './plan/use-cases/clone-plan.use-case';
import { CreatePlanUseCase } from './plan/use-cases/create-plan.use-case';
import { EstimatePriceUseCase } from './plan/use-cases/estimate-price.use-case';
import { PriceEstimator } from './plan/price-estimator';
import { GetPlansUseCase } from './plan/use-cases/get-plans.use-case';
import { SetSignupAccessUseCase } from './plan/use-cases/set-signup-access.use-case';
import { UpdatePlanUseCase } from './plan/use-cases/update-plan.use-case';

const USE_CASES = [
  CreatePlanUseCase,
  GetPlansUseCase,
  UpdatePlanUseCase,
  ClonePlanUseCase,
  SetSignupAccessUseCase,
  ArchivePlanUseCase,
  EstimatePriceUseCase,
  PriceEstimator,
];

/** Hosted Exchange plans (the wizard, signup access, estimates) and the mailing-plan catalogue. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Plan, PlanMailingPlan, PlanResource]),
    AuditModule,
    GlobalsModule,
    MailingPlanModule,
  ],
  providers: [PlanStore, ...USE_CASES],
  exports: [PlanStore, MailingPlanModule, ...USE_CASES],
})
export class PlanModule {}
