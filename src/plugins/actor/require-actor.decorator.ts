import { SetMetadata } from '@nestjs/common';
import type { ActorKind } from '../../modules/shared/actor';

export const REQUIRED_ACTOR_KINDS = 'plugin:requiredActorKinds';

/** Restricts a controller or route to actors of the given kinds (e.g. admin routes). */
export const RequireActor = (...kinds: ActorKind[]) => SetMetadata(REQUIRED_ACTOR_KINDS, kinds);
