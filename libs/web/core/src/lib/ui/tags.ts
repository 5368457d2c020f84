/**
 * What the tag input does with typed text: split at commas (Latin or Arabic « ، »), normalise
 * like the API (`normaliseTags`: trimmed, lower-case, de-duplicated), and keep within
 * the field's limits — so what the member sees is what gets saved.
 */
import { normaliseTags } from '@pratique/contracts';

/** At most `tags` tags of at most `tagLength` characters each. */
export interface TagLimits {
  tags: number;
  tagLength: number;
}

export type TagProblem = 'tooLong' | 'tooMany';

export interface AddTagsResult {
  tags: string[];
  /** Tags that were new and kept. */
  added: string[];
  /** Why some text was not added (the first problem met), if any. */
  problem: TagProblem | null;
}

export function splitTags(text: string): string[] {
  return text.split(/[,،]/);
}

export function addTags(current: readonly string[], text: string, limits: TagLimits): AddTagsResult {
  const tags = [...current];
  const added: string[] = [];
  let problem: TagProblem | null = null;
  for (const tag of normaliseTags(splitTags(text))) {
    if (tags.includes(tag)) continue;
    if ([...tag].length > limits.tagLength) {
      problem ??= 'tooLong';
      continue;
    }
    if (tags.length >= limits.tags) {
      problem ??= 'tooMany';
      continue;
    }
    tags.push(tag);
    added.push(tag);
  }
  return { tags, added, problem };
}

export function removeTag(current: readonly string[], tag: string): string[] {
  return current.filter((t) => t !== tag);
}
