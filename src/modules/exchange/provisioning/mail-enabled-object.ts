import type { ExchangeGateway, ExchangeLink } from '../../mpf/connection/exchange-gateway';
import type { StepDefinition } from '../operations/operation-definition';
import { alreadyCreated, objectAt } from './directory-checks';

/** An object of the organization OU that is created, then mail-enabled (a contact, a distribution list). */
export interface MailEnabledObject<I> {
  objectClass: 'contact' | 'group';
  dn(input: I): string;
  create(link: ExchangeLink, input: I): Promise<unknown>;
  mailEnable(link: ExchangeLink, input: I): Promise<unknown>;
  remove(link: ExchangeLink, dn: string): Promise<unknown>;
}

async function removeIfPresent<I>(
  gateway: ExchangeGateway,
  object: MailEnabledObject<I>,
  input: I,
): Promise<void> {
  const link = await gateway.open();
  const dn = object.dn(input);
  if ((await objectAt(link, dn, object.objectClass)) === 'ours') await object.remove(link, dn);
}

/** Deletes the object unless AD no longer has it (idempotent). */
export function removeStep<I>(
  gateway: ExchangeGateway,
  object: MailEnabledObject<I>,
  name: string,
): StepDefinition<I> {
  return { name, run: ({ input }) => removeIfPresent(gateway, object, input) };
}

/** Create (skipped when AD has the object: a re-run) and mail-enable (skipped when it has a `mail`). */
export function createMailEnabledSteps<I>(
  gateway: ExchangeGateway,
  object: MailEnabledObject<I>,
  createName: string,
): StepDefinition<I>[] {
  return [
    {
      name: createName,
      async run({ input }) {
        const link = await gateway.open();
        if (!(await alreadyCreated(link, object.dn(input), object.objectClass)))
          await object.create(link, input);
      },
      compensate: ({ input }) => removeIfPresent(gateway, object, input),
    },
    {
      name: 'mailEnable',
      async run({ input }) {
        const link = await gateway.open();
        const entry = await link.directory.findByDn(object.dn(input), ['mail']);
        if (!entry?.attributes.mail?.length) await object.mailEnable(link, input);
      },
    },
  ];
}
