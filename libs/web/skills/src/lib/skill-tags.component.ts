import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  input,
  model,
  signal,
  viewChild,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { SKILL_LIMITS, normaliseTags } from '@pratique/contracts';
import { UiMessage, UiMessagePipe } from '@pratique/web/core';

/**
 * Skills as tags, like the member profile's tag input: Enter or a comma (Latin or Arabic « ، »)
 * adds what was typed, normalised as the API does it (trimmed, lower-case, no duplicates), within
 * SKILL_LIMITS; each tag has its own "Remove" button; changes are announced politely.
 */
@Component({
  selector: 'pq-skill-tags',
  imports: [TranslocoPipe, UiMessagePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="field">
      <label [for]="inputId()">{{ label() }}</label>
      <p class="hint" [id]="inputId() + '-hint'">
        {{ 'skills.tags.hint' | transloco: { max: limits.skills, length: limits.skillChars } }}
      </p>
      @if (tags().length) {
        <ul class="tag-list" [attr.aria-label]="label()">
          @for (tag of tags(); track tag) {
            <li class="tag">
              <bdi>{{ tag }}</bdi>
              <button
                type="button"
                class="tag-remove"
                [attr.aria-label]="'skills.tags.remove' | transloco: { tag: tag }"
                (click)="remove(tag)"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          }
        </ul>
      }
      <input
        #text
        type="text"
        dir="auto"
        autocomplete="off"
        enterkeyhint="enter"
        [id]="inputId()"
        [attr.aria-describedby]="describedBy()"
        [attr.aria-invalid]="invalid() || problem() ? 'true' : null"
        [maxLength]="limits.skillChars * 4"
        (keydown.enter)="$event.preventDefault(); commit(text)"
        (input)="onInput(text)"
        (blur)="commit(text)"
      />
      @if (problem(); as p) {
        <p class="field-error" [id]="inputId() + '-problem'">{{ p | uiMessage }}</p>
      }
      <p class="sr-only" aria-live="polite">{{ announcement() | uiMessage }}</p>
    </div>
  `,
  styles: `
    .tag-list {
      list-style: none;
      margin: 0 0 0.5rem;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
    }
    .tag {
      display: inline-flex;
      align-items: center;
      gap: 0.15rem;
      padding-block: 0.1rem;
      padding-inline: 0.65rem 0.15rem;
      border-radius: 999px;
      background: var(--c-accent-bg);
      color: var(--c-accent-text);
      font-weight: 600;
    }
    .tag-remove {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      inline-size: 1.75rem;
      block-size: 1.75rem;
      border: 0;
      border-radius: 50%;
      background: transparent;
      color: inherit;
      font-size: 1.2rem;
      line-height: 1;
      cursor: pointer;
    }
    .tag-remove:hover {
      background: #c9e2ec;
    }
  `,
})
export class SkillTagsComponent {
  readonly label = input.required<string>();
  readonly inputId = input.required<string>();
  /** The id of an error under the field (from the API or the form), added to the description. */
  readonly errorId = input<string | null>(null);
  readonly invalid = input(false);
  readonly tags = model.required<string[]>();

  protected readonly limits = SKILL_LIMITS;
  protected readonly problem = signal<UiMessage | null>(null);
  protected readonly announcement = signal<UiMessage | null>(null);
  private readonly text = viewChild.required<ElementRef<HTMLInputElement>>('text');

  protected describedBy(): string {
    const ids = [`${this.inputId()}-hint`];
    if (this.problem()) ids.push(`${this.inputId()}-problem`);
    const errorId = this.errorId();
    if (errorId) ids.push(errorId);
    return ids.join(' ');
  }

  onInput(field: HTMLInputElement): void {
    if (/[,،]/.test(field.value)) this.commit(field);
    else if (this.problem()) this.problem.set(null);
  }

  commit(field: HTMLInputElement): void {
    const text = field.value;
    if (!text.trim() || text.replace(/[,،\s]/g, '') === '') {
      field.value = '';
      return;
    }
    const tags = [...this.tags()];
    const added: string[] = [];
    let problem: 'tooLong' | 'tooMany' | null = null;
    for (const tag of normaliseTags(text.split(/[,،]/))) {
      if (tags.includes(tag)) continue;
      if ([...tag].length > this.limits.skillChars) {
        problem ??= 'tooLong';
        continue;
      }
      if (tags.length >= this.limits.skills) {
        problem ??= 'tooMany';
        continue;
      }
      tags.push(tag);
      added.push(tag);
    }
    if (added.length) {
      this.tags.set(tags);
      this.announcement.set({ key: 'skills.tags.added', params: { tags: added.join(', ') } });
    }
    if (problem === 'tooLong') {
      this.problem.set({ key: 'skills.tags.tooLong', params: { length: this.limits.skillChars } });
      field.value = text.replace(/[,،]\s*$/, '');
      return;
    }
    this.problem.set(
      problem === 'tooMany' ? { key: 'skills.tags.tooMany', params: { max: this.limits.skills } } : null,
    );
    field.value = '';
  }

  remove(tag: string): void {
    this.tags.set(this.tags().filter((t) => t !== tag));
    this.problem.set(null);
    this.announcement.set({ key: 'skills.tags.removed', params: { tag } });
    this.text().nativeElement.focus();
  }
}
