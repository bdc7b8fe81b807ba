import { IsBoolean, IsString, MaxLength } from 'class-validator';

/**
 * The ids a command is about (its `body`, when it takes one, goes to the use case, which validates it against its
 * own DTO and names its fields). Ids are bounded strings here; the use case's lookup answers "not found" for one
 * that names nothing, as it always has.
 */
export class IdInput {
  @IsString() @MaxLength(64) id!: string;
}

export class AccountInput {
  @IsString() @MaxLength(64) accountId!: string;
}

export class MailboxInput extends AccountInput {
  @IsString() @MaxLength(64) mailboxId!: string;
}

export class MailboxEnabledInput extends MailboxInput {
  @IsBoolean() enabled!: boolean;
}

export class MailboxAddressInput extends MailboxInput {
  @IsString() @MaxLength(254) address!: string;
}

export class DomainInput extends AccountInput {
  @IsString() @MaxLength(1012) domain!: string;
}

export class ContactInput extends AccountInput {
  @IsString() @MaxLength(64) contactId!: string;
}

export class ListInput extends AccountInput {
  @IsString() @MaxLength(64) listId!: string;
}

export class ListAddressInput extends ListInput {
  @IsString() @MaxLength(254) address!: string;
}
