import { CommandBus } from '../../modules/commands/command-bus';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  SmtpDomainCreateDto,
  SmtpDomainResponseDto,
  SmtpDomainVerifyDto,
} from '../../modules/exchange/addressing/dto/smtp-domain.dto';
import { SmtpDomainsUseCase } from '../../modules/exchange/addressing/use-cases/smtp-domains.use-case';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('SMTP domains')
@SignedRoute()
@Controller('plugin/v1/accounts/:accountId/domains')
export class SmtpDomainsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly domains: SmtpDomainsUseCase,
  ) {}

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
    return this.commands.execute('domain.add', { accountId, body }, actor);
  }

  @Post(':domain/verify')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Verify a pending domain: its TXT record exchange-verify=<token> must be in DNS (staff may send {"manual": true}); then it is added to Exchange',
  })
  @ApiOkResponse({ type: SmtpDomainResponseDto })
  verify(
    @Param('accountId') accountId: string,
    @Param('domain') domain: string,
    @Body() body: SmtpDomainVerifyDto | undefined,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('domain.verify', { accountId, domain, body }, actor);
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
    return this.commands.execute('domain.setPrimary', { accountId, domain }, actor);
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
    return this.commands.execute('domain.delete', { accountId, domain }, actor);
  }
}
