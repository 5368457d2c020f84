/** Every migration, in order. Listed explicitly so the bundled API and the CLI see the same set. */
import { Foundation1700000000000 } from './1700000000000-foundation';

export const MIGRATIONS = [Foundation1700000000000];
