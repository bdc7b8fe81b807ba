import { CommandBus } from '../../modules/commands/command-bus';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ContactCreateDto, ContactResponseDto } from '../../modules/exchange/contact/dto/contact.dto';
import { ContactsUseCase } from '../../modules/exchange/contact/use-cases/contacts.use-case';
import type { Actor } from '../../modules/shared/actor';
import { CurrentActor } from '../actor/current-actor.decorator';
import { SignedRoute } from './signed-route.decorator';

@ApiTags('contacts')
@SignedRoute()
@Controller('plugin/v1/accounts/:accountId/contacts')
export class ContactsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly contacts: ContactsUseCase,
  ) {}

  @Get()
  @ApiOkResponse({ type: [ContactResponseDto] })
  list(@Param('accountId') accountId: string, @CurrentActor() actor: Actor) {
    return this.contacts.list(accountId, actor);
  }

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Create an external contact (usable as a list member or forwarding target)' })
  @ApiAcceptedResponse({ type: ContactResponseDto })
  create(
    @Param('accountId') accountId: string,
    @Body() body: ContactCreateDto,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('contact.create', { accountId, body }, actor);
  }

  @Delete(':contactId')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ContactResponseDto })
  delete(
    @Param('accountId') accountId: string,
    @Param('contactId') id: string,
    @CurrentActor() actor: Actor,
  ) {
    return this.commands.execute('contact.delete', { accountId, contactId: id }, actor);
  }
}
