import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { Language, LessonOutline, LessonView, ModuleDetail } from '@pratique/contracts';
import { ApiError, LearningApi, UiMessage, UiMessagePipe, messageKeyForStatus } from '@pratique/web/core';
import { localized } from './learning-format';
import { LessonFormComponent } from './lesson-form.component';

/**
 * The lessons of a module for its authors: order (up/down buttons, focus stays on the moved
 * lesson and the move is announced), required or optional, edit (the lesson form, prefilled,
 * opens under the lesson and focus goes to its heading; back on "Edit" when it closes), delete.
 */
@Component({
  selector: 'pq-lesson-manager',
  imports: [TranslocoPipe, UiMessagePipe, LessonFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div aria-live="polite" aria-atomic="true">
      @if (message(); as m) {
        <p class="alert" [class.alert-error]="isError()" [class.alert-success]="!isError()">
          {{ m | uiMessage }}
        </p>
      }
    </div>
    @if (module().lessons.length === 0) {
      <p class="empty">{{ 'learning.manage.empty' | transloco }}</p>
    } @else {
      <ol class="manage-list">
        @for (l of module().lessons; track l.id; let i = $index, first = $first, last = $last) {
          @let t = title(l);
          <li class="manage-item">
            <span class="position" aria-hidden="true">{{ i + 1 }}</span>
            <span class="manage-main">
              <span class="manage-title" [attr.lang]="t.lang" [attr.dir]="t.dir">{{ t.text }}</span>
              <span class="manage-kind">{{ 'learning.kind.' + l.kind | transloco }}</span>
            </span>
            <span class="manage-required">
              <input
                type="checkbox"
                [id]="'lesson-required-' + l.id"
                [checked]="l.required"
                [disabled]="busy()"
                (change)="setRequired(l, $any($event.target).checked)"
              />
              <label [for]="'lesson-required-' + l.id"
                >{{ 'learning.manage.required' | transloco
                }}<span class="sr-only"> — {{ t.text }}</span></label
              >
            </span>
            <span class="cell-actions">
              <button
                type="button"
                class="btn btn-small btn-secondary"
                [attr.data-move]="'up-' + l.id"
                [disabled]="busy() || first"
                (click)="move(i, -1)"
              >
                <span aria-hidden="true">↑</span> {{ 'learning.manage.up' | transloco
                }}<span class="sr-only"> — {{ t.text }}</span>
              </button>
              <button
                type="button"
                class="btn btn-small btn-secondary"
                [attr.data-move]="'down-' + l.id"
                [disabled]="busy() || last"
                (click)="move(i, 1)"
              >
                <span aria-hidden="true">↓</span> {{ 'learning.manage.down' | transloco
                }}<span class="sr-only"> — {{ t.text }}</span>
              </button>
              <button
                type="button"
                class="btn btn-small btn-secondary"
                [attr.data-edit]="l.id"
                [attr.aria-expanded]="editing()?.id === l.id"
                [disabled]="busy()"
                (click)="toggleEdit(l)"
              >
                {{ 'common.edit' | transloco }}<span class="sr-only"> — {{ t.text }}</span>
              </button>
              <button type="button" class="btn btn-small btn-danger" [disabled]="busy()" (click)="remove(l)">
                {{ 'common.delete' | transloco }}<span class="sr-only"> — {{ t.text }}</span>
              </button>
            </span>
            @if (editing(); as e) {
              @if (e.id === l.id) {
                <div class="edit-panel">
                  <h3 class="edit-title" tabindex="-1" [id]="'lesson-edit-title-' + l.id">
                    {{ 'learning.manage.editTitle' | transloco }} —
                    <span [attr.lang]="t.lang" [attr.dir]="t.dir">{{ t.text }}</span>
                  </h3>
                  <pq-lesson-form
                    mode="edit"
                    [module]="module()"
                    [lang]="lang()"
                    [lesson]="e"
                    (saved)="edited($event)"
                    (cancelled)="closeEdit(l.id)"
                  />
                </div>
              }
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .manage-list {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
    }
    .manage-item {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 0.9rem;
      align-items: center;
      padding-block: 0.6rem;
      border-block-end: 1px solid #e6e9ee;
    }
    .position {
      flex: none;
      inline-size: 1.8rem;
      text-align: center;
      font-weight: 700;
      color: var(--c-muted);
    }
    .manage-main {
      flex: 1 1 14rem;
      display: flex;
      flex-direction: column;
      min-inline-size: 0;
    }
    .manage-title {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .manage-kind {
      font-size: 0.88rem;
      color: var(--c-muted);
    }
    .manage-required {
      display: inline-flex;
      gap: 0.4rem;
      align-items: center;
    }
    .manage-required input {
      inline-size: 1.1rem;
      block-size: 1.1rem;
    }
    .edit-panel {
      flex: 1 1 100%;
      margin-block: 0.5rem;
      padding: 1rem;
      border: 2px solid var(--c-primary);
      border-radius: 8px;
      background: #fafbfc;
    }
    .edit-title {
      font-size: 1.05rem;
      margin-block: 0 0.8rem;
    }
  `,
})
export class LessonManagerComponent {
  private readonly api = inject(LearningApi);
  private readonly transloco = inject(TranslocoService);
  private readonly host = inject(ElementRef<HTMLElement>);
  readonly module = input.required<ModuleDetail>();
  readonly lang = input.required<Language>();
  /** The module after a reorder (the API answers with it). */
  readonly changed = output<ModuleDetail>();
  /** Ask the page to fetch the module again (after a delete or a required change). */
  readonly reload = output<void>();

  protected readonly busy = signal(false);
  protected readonly message = signal<UiMessage | null>(null);
  protected readonly isError = signal(false);
  /** The lesson being edited, as the API gives it to authors (with its `content`). */
  protected readonly editing = signal<LessonView | null>(null);

  protected title(l: LessonOutline) {
    return localized(l.title, this.lang(), this.module().originalLanguage);
  }

  move(index: number, step: -1 | 1): void {
    const lessons = [...this.module().lessons];
    const target = index + step;
    if (target < 0 || target >= lessons.length) return;
    const [moved] = lessons.splice(index, 1);
    lessons.splice(target, 0, moved);
    this.busy.set(true);
    this.api
      .reorderLessons(
        this.module().id,
        lessons.map((l) => l.id),
      )
      .subscribe({
        next: (updated) => {
          this.busy.set(false);
          this.changed.emit(updated);
          this.ok('learning.manage.moved', { title: this.title(moved).text, position: target + 1 });
          // Keep the keyboard where it was: on the same button of the moved lesson, or the other
          // one when this one became disabled (first/last).
          const direction = step < 0 ? 'up' : 'down';
          const other = step < 0 ? 'down' : 'up';
          setTimeout(() => {
            const root = this.host.nativeElement as HTMLElement;
            const same = root.querySelector<HTMLButtonElement>(`[data-move="${direction}-${moved.id}"]`);
            const fallback = root.querySelector<HTMLButtonElement>(`[data-move="${other}-${moved.id}"]`);
            (same && !same.disabled ? same : fallback)?.focus();
          });
        },
        error: (err) => this.fail(err),
      });
  }

  toggleEdit(l: LessonOutline): void {
    if (this.editing()?.id === l.id) {
      this.closeEdit(l.id);
      return;
    }
    this.busy.set(true);
    this.message.set(null);
    this.api.lesson(l.id).subscribe({
      next: (lesson) => {
        this.busy.set(false);
        this.editing.set(lesson);
        setTimeout(() =>
          (this.host.nativeElement as HTMLElement)
            .querySelector<HTMLElement>(`#lesson-edit-title-${CSS.escape(l.id)}`)
            ?.focus(),
        );
      },
      error: (err) => this.fail(err),
    });
  }

  closeEdit(lessonId: string): void {
    this.editing.set(null);
    this.focusEditButton(lessonId);
  }

  edited(lesson: LessonView): void {
    this.editing.set(null);
    this.ok('learning.manage.edited', {
      title: localized(lesson.title, this.lang(), this.module().originalLanguage).text,
    });
    this.reload.emit();
    this.focusEditButton(lesson.id);
  }

  private focusEditButton(lessonId: string): void {
    setTimeout(() =>
      (this.host.nativeElement as HTMLElement)
        .querySelector<HTMLButtonElement>(`[data-edit="${CSS.escape(lessonId)}"]`)
        ?.focus(),
    );
  }

  setRequired(l: LessonOutline, required: boolean): void {
    this.busy.set(true);
    this.api.updateLesson(l.id, { required }).subscribe({
      next: () => {
        this.busy.set(false);
        this.ok(required ? 'learning.manage.nowRequired' : 'learning.manage.nowOptional', {
          title: this.title(l).text,
        });
        this.reload.emit();
      },
      error: (err) => this.fail(err),
    });
  }

  remove(l: LessonOutline): void {
    const title = this.title(l).text;
    if (!confirm(this.transloco.translate('learning.manage.confirmDelete', { title }))) return;
    this.busy.set(true);
    this.api.deleteLesson(l.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.ok('learning.manage.deleted', { title });
        this.reload.emit();
      },
      error: (err) => this.fail(err),
    });
  }

  private ok(key: string, params: Record<string, unknown>): void {
    this.isError.set(false);
    this.message.set({ key, params });
  }
  private fail(err: unknown): void {
    this.busy.set(false);
    this.isError.set(true);
    this.message.set({ key: messageKeyForStatus(err instanceof ApiError ? err.status : 0) });
  }
}
