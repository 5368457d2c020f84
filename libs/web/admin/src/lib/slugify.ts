import { SLUG_MAX_LENGTH } from '@pratique/contracts';

/** "Égalité & genre — Sfax" → "egalite-genre-sfax" (Latin letters and digits only). */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/g, '');
}
