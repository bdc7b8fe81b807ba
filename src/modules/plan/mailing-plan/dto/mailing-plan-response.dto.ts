import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { valuesOf } from '../mailing-plan';
import type { MailingPlan } from '../mailing-plan.entity';

/** A kept H-Sphere feature: the elements its `<feature>` had (absent ones left out). */
export class ExtraFeatureDto {
  @ApiProperty({ example: 'Antivirus', description: '<featureName>' }) name!: string;
  @ApiPropertyOptional({ example: '0', description: '<featureValue>' }) value?: string;
  @ApiPropertyOptional({ example: '', description: '<unitDescription>' }) unit?: string;
  @ApiPropertyOptional({ description: '<featureDescription>' }) description?: string;
  @ApiPropertyOptional({ description: '<nativeAttribute>' }) nativeAttribute?: string;
  @ApiPropertyOptional({ description: '<parentNode>' }) parentNode?: string;
}

export class MailingPlanResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'GoldMail', description: 'The MPF planName' }) name!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: 1024 }) mailboxSizeMb!: number;
  @ApiProperty() pop!: boolean;
  @ApiProperty() imap!: boolean;
  @ApiProperty() owa!: boolean;
  @ApiProperty() activeSync!: boolean;
  @ApiProperty() mapi!: boolean;
  @ApiProperty({ example: 4294967295, description: 'msExchMailboxFolderSet bitmask' })
  owaSegmentation!: number;
  @ApiProperty({ example: 10240 }) maxSendSizeKb!: number;
  @ApiProperty({ example: 10240 }) maxReceiveSizeKb!: number;
  @ApiProperty({ example: 500 }) maxRecipients!: number;
  @ApiProperty({ example: 90 }) issueWarningPercent!: number;
  @ApiProperty({ example: 95 }) prohibitSendPercent!: number;
  @ApiProperty({ example: 100 }) prohibitSendReceivePercent!: number;
  @ApiProperty() hiddenFromAddressBook!: boolean;
  @ApiProperty({
    type: [ExtraFeatureDto],
    description:
      'Features of an imported H-Sphere file that map to no value, kept as they came (and exported back)',
  })
  extraFeatures!: ExtraFeatureDto[];
  @ApiProperty({ description: 'Exactly one plan is the default' }) isDefault!: boolean;
  @ApiProperty({ description: 'Archived plans are kept for existing mailboxes but offered no more' })
  archived!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;

  static from(plan: MailingPlan): MailingPlanResponseDto {
    return {
      id: plan.id,
      ...valuesOf(plan),
      extraFeatures: plan.extraFeatures,
      isDefault: plan.isDefault,
      archived: plan.archived,
      createdAt: plan.createdAt.toISOString(),
      updatedAt: plan.updatedAt.toISOString(),
    };
  }
}
