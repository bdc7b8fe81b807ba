import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  SmtpDomainCreateDto,
  SmtpDomainResponseDto,
} from '../../modules/exchange/addressing/dto/smtp-domain.dto';
import { SmtpDomainsUseCase } from '../../modules/exchange/addressing/use-cases/smtp-domains.use-case';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { RequireActor } from '../actor/require-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('SMTP domains')
@SignedRoute()
@RequireActor('admin', 'support', 'customer')
@Controller('plugin/v1/accounts/:accountId/domains')
export class SmtpDomainsController {
  constructor(private readonly domains: SmtpDomainsUseCase) {}

  @Get()
  @ApiOperation({ summary: "The organization's SMTP domains with the DNS records to publish" })
  @ApiOkResponse({ type: [SmtpDomainResponseDto] })
  list(@Param('accountId') accountId: string, @CurrentActor() actor: Actor) {
    return this.domains.list(accountId, actor);
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Add a secondary or vanity domain (plan limit; unique across all organizations)' })
  @ApiAcceptedResponse({ type: SmtpDomainResponseDto })
  add(
    @Param('accountId') accountId: string,
    @Body() body: SmtpDomainCreateDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.domains.add(accountId, body, actor);
  }

  @Put(':domain/primary')
  @HttpCode(202)
  @ApiOperation({ summary: 'Make the domain primary (the previous primary becomes secondary)' })
  @ApiAcceptedResponse({ type: SmtpDomainResponseDto })
  primary(
    @Param('accountId') accountId: string,
    @Param('domain') domain: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.domains.setPrimary(accountId, domain, actor);
  }

  @Delete(':domain')
  @HttpCode(202)
  @ApiOperation({ summary: 'Delete a domain that is not primary and no address uses' })
  @ApiAcceptedResponse({ type: SmtpDomainResponseDto })
  delete(
    @Param('accountId') accountId: string,
    @Param('domain') domain: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.domains.delete(accountId, domain, actor);
  }
}
