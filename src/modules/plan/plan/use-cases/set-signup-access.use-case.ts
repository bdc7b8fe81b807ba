import { Authorize } from '../../../policy/authorize.decorator';
import { Injectable } from '@nestjs/common';
import type { Actor } from '../../../shared/actor';
import { validateInput } from '../../../shared/validation/validate-input';
import { SignupAccessDto } from '../dto/signup-access.dto';
import type { PlanResponseDto } from '../dto/plan-response.dto';
import { UpdatePlanUseCase } from './update-plan.use-case';

/** Plans → Manage → Signup Access ON/OFF. Turning it on needs the Exchange platform enabled. */
@Injectable()
export class SetSignupAccessUseCase {
  constructor(private readonly update: UpdatePlanUseCase) {}

  @Authorize('plan.setSignupAccess')
  async execute(id: string, input: unknown, actor: Actor): Promise<PlanResponseDto> {
    const { enabled } = await validateInput(SignupAccessDto, input);
    return this.update.execute(
      id,
      { signupEnabled: enabled },
      actor,
      enabled ? 'plan.signup-on' : 'plan.signup-off',
    );
  }
}
