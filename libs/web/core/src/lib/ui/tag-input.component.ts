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
import { TagLimits, addTags, removeTag } from './tags';
import { UiMessage } from '../forms/form-feedback';
import { UiMessagePipe } from './ui-message.pipe';

/**
 * A list of short words (skills, interests): a labelled text field where Enter or a comma adds
 * what was typed (several at once when pasted with commas; leaving the field adds it too), and
 * each tag with its own "Remove <tag>" button. Additions and removals are announced politely;
 * after a removal focus goes back to the text field. Used for profile skills and interests and
 * for the skills of offers and needs, each with its own `limits`.
 */
@Component({
  selector: 'pq-tag-input',
  imports: [TranslocoPipe, UiMessagePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="field">
      <label [for]="inputId()">{{ label() }}</label>
      <p class="hint" [id]="inputId() + '-hint'">
        {{ 'tags.hint' | transloco: { max: limits().tags, length: limits().tagLength } }}
      </p>
      @if (tags().length) {
        <ul class="tag-list" [attr.aria-label]="label()">
          @for (tag of tags(); track tag) {
            <li class="tag">
              <bdi>{{ tag }}</bdi>
              <button
                type="button"
                class="tag-remove"
                [attr.aria-label]="'tags.remove' | transloco: { tag: tag }"
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
        [maxLength]="limits().tagLength * 4"
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
export class TagInputComponent {
  readonly label = input.required<string>();
  readonly inputId = input.required<string>();
  /** Ids of an error under the field (from the API), added to the hint. */
  readonly errorId = input<string | null>(null);
  readonly invalid = input(false);
  readonly tags = model.required<string[]>();
  /** How many tags, and how many characters each (the API's limits for this field). */
  readonly limits = input.required<TagLimits>();

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

  /** A comma typed (or pasted) ends a tag. */
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
    const result = addTags(this.tags(), text, this.limits());
    if (result.added.length) {
      this.tags.set(result.tags);
      this.announcement.set({ key: 'tags.added', params: { tags: result.added.join(', ') } });
    }
    if (result.problem === 'tooLong') {
      this.problem.set({ key: 'tags.tooLong', params: { length: this.limits().tagLength } });
      // Keep the refused text so it can be shortened.
      field.value = text.replace(/[,،]\s*$/, '');
      return;
    }
    this.problem.set(
      result.problem === 'tooMany' ? { key: 'tags.tooMany', params: { max: this.limits().tags } } : null,
    );
    field.value = '';
  }

  remove(tag: string): void {
    this.tags.set(removeTag(this.tags(), tag));
    this.problem.set(null);
    this.announcement.set({ key: 'tags.removed', params: { tag } });
    this.text().nativeElement.focus();
  }
}
