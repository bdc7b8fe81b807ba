import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'plugin:isPublic';

/** Marks a controller or route as served without a plugin signature (health only). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
