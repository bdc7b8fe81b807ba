import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Actor } from '../../modules/shared/actor';

export type PluginRequest = Request & { actor?: Actor; rawBody?: Buffer };

/** The verified actor of a signed request (set by the signature guard). */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<PluginRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route the plugin signature guard did not verify');
  return actor;
});
