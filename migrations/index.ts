/** Every migration, in order. Listed explicitly so the bundled API and the CLI see the same set. */
import { Foundation1700000000000 } from './1700000000000-foundation';
import { Learning1700000001000 } from './1700000001000-learning';

export const MIGRATIONS = [Foundation1700000000000, Learning1700000001000];
