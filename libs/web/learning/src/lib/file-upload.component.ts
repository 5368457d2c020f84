import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, ScormContent, UploadedFile } from '@pratique/contracts';
import { ApiError, LearningApi, UiMessage, UiMessagePipe, messageKeyForStatus } from '@pratique/web/core';
import { Observable, map } from 'rxjs';
import { formatSize } from './learning-format';
import { FIELD_STYLES } from './learning-styles';

/** What an upload field sends the file to: a lesson file, a cover image, or a SCORM package. */
export type UploadTarget = 'lesson' | 'cover' | 'scorm';

export type UploadResult = { kind: 'file'; file: UploadedFile } | { kind: 'scorm'; scorm: ScormContent };

/**
 * A file field that uploads as soon as a file is chosen (`multipart/form-data`, field `file`):
 * checks the size first, says what is happening in a polite live region, and shows the API's
 * reason (bad type, too big, not a SCORM zip) tied to the input.
 */
@Component({
  selector: 'pq-file-upload',
  imports: [TranslocoPipe, UiMessagePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="field">
      <label [for]="inputId()">{{ label() }}</label>
      <input
        #picker
        type="file"
        [id]="inputId()"
        [attr.accept]="accept()"
        [disabled]="busy()"
        [attr.aria-invalid]="shownError() ? 'true' : null"
        [attr.aria-describedby]="describedBy()"
        (change)="pick(picker)"
      />
      <p class="hint" [id]="inputId() + '-hint'">{{ hint() }}</p>
      <div aria-live="polite" aria-atomic="true">
        @if (busy()) {
          <p class="hint">{{ 'learning.upload.uploading' | transloco }}</p>
        } @else if (done(); as d) {
          <p class="uploaded">✓ {{ 'learning.upload.done' | transloco: { name: d } }}</p>
        }
      </div>
      @if (shownError(); as e) {
        <p class="field-error" [id]="inputId() + '-error'" [attr.lang]="langOf(e)">{{ e | uiMessage }}</p>
      }
    </div>
  `,
  styles: [
    FIELD_STYLES,
    `
      .uploaded {
        margin: 0;
        color: var(--c-success);
        font-weight: 600;
        overflow-wrap: anywhere;
      }
    `,
  ],
})
export class FileUploadComponent {
  private readonly api = inject(LearningApi);
  readonly inputId = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input('');
  readonly accept = input<string | null>(null);
  readonly maxBytes = input.required<number>();
  readonly target = input.required<UploadTarget>();
  readonly lang = input.required<Language>();
  /** An error from the enclosing form (e.g. "required"), shown when this field has none of its own. */
  readonly formError = input<UiMessage | null>(null);
  readonly uploaded = output<UploadResult>();

  protected readonly busy = signal(false);
  protected readonly done = signal<string | null>(null);
  private readonly error = signal<UiMessage | null>(null);
  protected readonly shownError = computed(() => this.error() ?? this.formError());
  protected readonly describedBy = computed(
    () => `${this.inputId()}-hint` + (this.shownError() ? ` ${this.inputId()}-error` : ''),
  );

  protected langOf(message: UiMessage): string | null {
    return 'lang' in message && message.lang ? message.lang : null;
  }

  pick(picker: HTMLInputElement): void {
    const file = picker.files?.[0];
    this.error.set(null);
    this.done.set(null);
    if (!file) return;
    if (file.size > this.maxBytes()) {
      this.error.set({
        key: 'learning.upload.tooBig',
        params: { max: formatSize(this.maxBytes(), this.lang()) },
      });
      return;
    }
    this.busy.set(true);
    const target = this.target();
    const call: Observable<UploadResult> =
      target === 'scorm'
        ? this.api.uploadScormPackage(file).pipe(map((scorm): UploadResult => ({ kind: 'scorm', scorm })))
        : this.api.uploadFile(file, target).pipe(map((f): UploadResult => ({ kind: 'file', file: f })));
    call.subscribe({
      next: (result) => {
        this.busy.set(false);
        this.done.set(`${file.name} (${formatSize(file.size, this.lang())})`);
        this.uploaded.emit(result);
      },
      error: (err) => {
        this.busy.set(false);
        picker.value = '';
        if (err instanceof ApiError && err.fieldErrors['file']) {
          this.error.set({ text: err.fieldErrors['file'], lang: 'en' });
        } else if (err instanceof ApiError && err.status === 413) {
          this.error.set({
            key: 'learning.upload.tooBig',
            params: { max: formatSize(this.maxBytes(), this.lang()) },
          });
        } else {
          this.error.set({ key: messageKeyForStatus(err instanceof ApiError ? err.status : 0) });
        }
      },
    });
  }
}
