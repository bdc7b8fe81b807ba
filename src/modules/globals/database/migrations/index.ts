import { Initial1764057600000 } from './1764057600000-initial';

/** Every migration, in order. A new migration is added here and never edited once released. */
export const MIGRATIONS = [Initial1764057600000];
