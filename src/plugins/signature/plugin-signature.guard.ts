import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { APP_CONFIG_KEY, type AppConfig } from '../../modules/globals/config/app-config';
import { Actor } from '../../modules/shared/actor';
import { CLOCK, type Clock } from '../../modules/shared/clock/clock.port';
import { DomainError } from '../../modules/shared/errors/domain.error';
import { ErrorCode } from '../../modules/shared/errors/error-code.enum';
import type { PluginRequest } from '../actor/current-actor.decorator';
import { verifyPluginSignature } from './plugin-signature';
import { IS_PUBLIC } from './public.decorator';

/**
 * Every route is signed by the host panel unless marked @Public(); the actor header names who acts. Who may do
 * what is not decided here but by the policy the use cases ask, whichever door calls them.
 */
@Injectable()
export class PluginSignatureGuard implements CanActivate {
  private readonly secret: string;
  private readonly acceptV1: boolean;

  constructor(
    private readonly reflector: Reflector,
    @Inject(CLOCK) private readonly clock: Clock,
    config: ConfigService,
  ) {
    const app = config.getOrThrow<AppConfig>(APP_CONFIG_KEY);
    this.secret = app.pluginSigningSecret;
    this.acceptV1 = app.acceptV1Signatures;
  }

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<PluginRequest>();
    const check = verifyPluginSignature(
      this.secret,
      { timestamp: req.header('x-plugin-timestamp'), signature: req.header('x-plugin-signature') },
      {
        method: req.method,
        url: req.originalUrl,
        actor: req.header('x-plugin-actor') ?? '',
        body: req.rawBody ?? Buffer.alloc(0),
      },
      Math.floor(this.clock.now().getTime() / 1000),
      { acceptV1: this.acceptV1 },
    );
    if (!check.ok) throw new DomainError(ErrorCode.UNAUTHENTICATED, check.reason);

    req.actor = Actor.parse(req.header('x-plugin-actor'));
    return true;
  }
}
