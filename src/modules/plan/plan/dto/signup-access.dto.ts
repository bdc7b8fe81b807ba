import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class SignupAccessDto {
  @ApiProperty({ description: 'Whether customers may sign up for this plan' })
  @IsBoolean()
  enabled!: boolean;
}
