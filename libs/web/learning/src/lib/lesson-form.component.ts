import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  HostAttributeToken,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  CreateLessonRequest,
  FILE_LESSON_TYPES,
  FileContent,
  LANGUAGES,
  Language,
  LessonContent,
  LessonKind,
  LessonView,
  ModuleDetail,
  PageContent,
  QuizContent,
  ScormContent,
  UPLOAD_LIMITS,
  UpdateLessonRequest,
  UploadedFile,
  VIDEO_EMBED_HOSTS,
  VideoContent,
} from '@pratique/contracts';
import {
  FormFeedback,
  FormStatusComponent,
  LANGUAGE_ENDONYMS,
  LearningApi,
  UiMessage,
  UiMessagePipe,
  focusFirstInvalid,
} from '@pratique/web/core';
import { Observable } from 'rxjs';
import { FileUploadComponent, UploadResult } from './file-upload.component';
import { compactLocalized, dirOf, formatSize, isAllowedEmbedUrl, toEmbedUrl } from './learning-format';
import { FIELD_STYLES } from './learning-styles';
import { QuizBuilderComponent, newId } from './quiz-builder.component';
import {
  QuizDraft,
  newQuestion,
  quizDraftErrors,
  quizFieldOf,
  toPerLanguage,
  toQuizContent,
  toQuizDraft,
} from './quiz-model';

export const LESSON_TITLE_MAX_LENGTH = 200;
const KINDS: LessonKind[] = [
  LessonKind.Page,
  LessonKind.Video,
  LessonKind.File,
  LessonKind.Quiz,
  LessonKind.Scorm,
];
const VIDEO_TYPES = FILE_LESSON_TYPES.filter((t) => t.startsWith('video/'));

function emptyQuiz(): QuizDraft {
  return { passingScore: 70, attemptsAllowed: 0, questions: [newQuestion(newId)] };
}

/**
 * "Add a lesson" to a module: its kind, title (per language: the module's original language is
 * required, the others optional, edited one language at a time), required or optional, and the
 * content of that kind — a Markdown page, a video (embed URL or upload), a file, a quiz, or a
 * SCORM package (uploaded first, then attached).
 *
 * With `mode="edit"` on the host and a `[lesson]` (its `content`, which authors get), the same
 * form edits that lesson: prefilled, its kind fixed, an upload left empty keeps the current
 * file or package, and the changes are sent with `PATCH /api/lessons/:id`.
 */
@Component({
  selector: 'pq-lesson-form',
  imports: [
    ReactiveFormsModule,
    TranslocoPipe,
    UiMessagePipe,
    FormStatusComponent,
    FileUploadComponent,
    QuizBuilderComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <pq-form-status [feedback]="fb" />
    @for (k of [formKey()]; track k) {
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="stack lesson-form">
        @if (editing) {
          <p class="kind-fixed">
            {{
              'learning.lessonForm.kindFixed'
                | transloco: { kind: ('learning.kind.' + form.controls.kind.value | transloco) }
            }}
          </p>
        } @else {
          <fieldset class="fieldset">
            <legend>{{ 'learning.lessonForm.kind' | transloco }}</legend>
            <div class="choice-row">
              @for (kind of kinds; track kind) {
                <span class="check">
                  <input type="radio" [id]="fb.id('kind-' + kind)" formControlName="kind" [value]="kind" />
                  <label [for]="fb.id('kind-' + kind)">{{ 'learning.kind.' + kind | transloco }}</label>
                </span>
              }
            </div>
          </fieldset>
        }

        <fieldset class="fieldset">
          <legend>{{ 'learning.lessonForm.editLanguage' | transloco }}</legend>
          <p class="hint" [id]="fb.id('editLang-hint')">
            {{
              'learning.lessonForm.editLanguageHint'
                | transloco: { original: names[module().originalLanguage] }
            }}
          </p>
          <div class="choice-row">
            @for (l of languages; track l) {
              <span class="check">
                <input
                  type="radio"
                  [name]="fb.id('edit-lang')"
                  [id]="fb.id('editLang-' + l)"
                  [checked]="editLang() === l"
                  [attr.aria-describedby]="fb.id('editLang-hint')"
                  (change)="editLang.set(l)"
                />
                <label [for]="fb.id('editLang-' + l)" [attr.lang]="l">{{ names[l] }}</label>
              </span>
            }
          </div>
        </fieldset>

        @let L = editLang();
        <div class="field" formGroupName="title">
          <label [for]="fb.id('title')">{{ 'learning.lessonForm.title' | transloco }} ({{ names[L] }})</label>
          <!-- One input per language (formControlName does not follow a changing name). -->
          @for (lang of [L]; track lang) {
            <input
              type="text"
              [id]="fb.id('title')"
              [formControlName]="lang"
              [attr.lang]="lang"
              [attr.dir]="dir(lang)"
              [attr.maxlength]="titleMax"
              [attr.aria-invalid]="fb.invalid('title')"
              [attr.aria-describedby]="fb.describedBy('title')"
            />
          }
          @if (fb.error('title'); as e) {
            <p class="field-error" [id]="fb.errorId('title')" [attr.lang]="langOf(e)">{{ e | uiMessage }}</p>
          }
        </div>

        <div class="check">
          <input type="checkbox" [id]="fb.id('required')" formControlName="required" />
          <label [for]="fb.id('required')">{{ 'learning.lessonForm.required' | transloco }}</label>
        </div>

        @switch (form.controls.kind.value) {
          @case ('page') {
            <div class="field" formGroupName="markdown">
              <label [for]="fb.id('markdown')"
                >{{ 'learning.lessonForm.markdown' | transloco }} ({{ names[L] }})</label
              >
              @for (lang of [L]; track lang) {
                <textarea
                  rows="10"
                  [id]="fb.id('markdown')"
                  [formControlName]="lang"
                  [attr.lang]="lang"
                  [attr.dir]="dir(lang)"
                  [attr.aria-invalid]="fb.invalid('markdown')"
                  [attr.aria-describedby]="fb.describedBy('markdown', fb.id('markdown-hint'))"
                ></textarea>
              }
              <p class="hint" [id]="fb.id('markdown-hint')">
                {{ 'learning.lessonForm.markdownHint' | transloco }}
              </p>
              @if (fb.error('markdown'); as e) {
                <p class="field-error" [id]="fb.errorId('markdown')" [attr.lang]="langOf(e)">
                  {{ e | uiMessage }}
                </p>
              }
            </div>
          }
          @case ('video') {
            <fieldset class="fieldset">
              <legend>{{ 'learning.lessonForm.videoSource' | transloco }}</legend>
              <div class="choice-row">
                <span class="check">
                  <input
                    type="radio"
                    [id]="fb.id('videoSource-embed')"
                    formControlName="videoSource"
                    value="embed"
                  />
                  <label [for]="fb.id('videoSource-embed')">{{
                    'learning.lessonForm.videoEmbed' | transloco
                  }}</label>
                </span>
                <span class="check">
                  <input
                    type="radio"
                    [id]="fb.id('videoSource-upload')"
                    formControlName="videoSource"
                    value="upload"
                  />
                  <label [for]="fb.id('videoSource-upload')">{{
                    'learning.lessonForm.videoUpload' | transloco
                  }}</label>
                </span>
              </div>
              @if (form.controls.videoSource.value === 'embed') {
                <div class="field">
                  <label [for]="fb.id('embedUrl')">{{ 'learning.lessonForm.embedUrl' | transloco }}</label>
                  <input
                    type="url"
                    dir="ltr"
                    [id]="fb.id('embedUrl')"
                    formControlName="embedUrl"
                    [attr.aria-invalid]="fb.invalid('embedUrl')"
                    [attr.aria-describedby]="fb.describedBy('embedUrl', fb.id('embedUrl-hint'))"
                  />
                  <p class="hint" [id]="fb.id('embedUrl-hint')">
                    {{ 'learning.lessonForm.embedUrlHint' | transloco: { hosts: hosts } }}
                  </p>
                  @if (fb.error('embedUrl'); as e) {
                    <p class="field-error" [id]="fb.errorId('embedUrl')" [attr.lang]="langOf(e)">
                      {{ e | uiMessage }}
                    </p>
                  }
                </div>
              } @else {
                <pq-file-upload
                  [inputId]="fb.id('videoFile')"
                  [label]="'learning.lessonForm.videoFile' | transloco"
                  [hint]="'learning.lessonForm.videoFileHint' | transloco: { max: size(fileBytes) }"
                  [accept]="videoTypes"
                  [maxBytes]="fileBytes"
                  target="lesson"
                  [lang]="lang()"
                  [formError]="fb.error('fileId')"
                  (uploaded)="fileUploaded($event)"
                />
                @if (current().videoFileId && !uploaded()) {
                  <p class="current">{{ 'learning.lessonForm.keepVideo' | transloco }}</p>
                }
              }
            </fieldset>
          }
          @case ('file') {
            <pq-file-upload
              [inputId]="fb.id('file')"
              [label]="'learning.lessonForm.file' | transloco"
              [hint]="'learning.lessonForm.fileHint' | transloco: { max: size(fileBytes) }"
              [accept]="fileTypes"
              [maxBytes]="fileBytes"
              target="lesson"
              [lang]="lang()"
              [formError]="fb.error('fileId')"
              (uploaded)="fileUploaded($event)"
            />
            @if (current().fileName; as name) {
              @if (!uploaded()) {
                <p class="current">{{ 'learning.lessonForm.keepFile' | transloco: { name: name } }}</p>
              }
            }
          }
          @case ('quiz') {
            <fieldset class="fieldset">
              <legend>{{ 'learning.quizBuilder.title' | transloco }}</legend>
              <pq-quiz-builder
                [(draft)]="quiz"
                [editLang]="L"
                [errors]="quizErrors()"
                [idPrefix]="editing ? 'lesson-edit-quiz' : 'lesson-quiz'"
              />
            </fieldset>
          }
          @case ('scorm') {
            <pq-file-upload
              [inputId]="fb.id('scorm')"
              [label]="'learning.lessonForm.scorm' | transloco"
              [hint]="'learning.lessonForm.scormHint' | transloco: { max: size(scormBytes) }"
              accept=".zip,application/zip"
              [maxBytes]="scormBytes"
              target="scorm"
              [lang]="lang()"
              [formError]="fb.error('scorm')"
              (uploaded)="scormUploaded($event)"
            />
            @if (scorm(); as p) {
              <p class="package">
                {{
                  (scormIsNew() ? 'learning.lessonForm.scormReady' : 'learning.lessonForm.scormCurrent')
                    | transloco: { title: p.title || p.launchPath, version: p.version }
                }}
              </p>
            }
          }
        }

        <div class="actions">
          <button class="btn btn-primary" type="submit" [disabled]="fb.busy()">
            {{
              (fb.busy()
                ? 'common.working'
                : editing
                  ? 'learning.lessonForm.save'
                  : 'learning.lessonForm.submit'
              ) | transloco
            }}
          </button>
          @if (editing) {
            <button class="btn btn-secondary" type="button" [disabled]="fb.busy()" (click)="cancelled.emit()">
              {{ 'common.cancel' | transloco }}
            </button>
          }
        </div>
      </form>
    }
  `,
  styles: [
    FIELD_STYLES,
    `
      .lesson-form {
        border-block-start: 1px solid var(--c-border);
        padding-block-start: 1rem;
      }
      .choice-row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.25rem;
      }
      .check {
        display: inline-flex;
        gap: 0.4rem;
        align-items: center;
      }
      .check input {
        inline-size: 1.1rem;
        block-size: 1.1rem;
      }
      .package {
        margin: 0;
        color: var(--c-success);
        font-weight: 600;
      }
      .kind-fixed {
        margin: 0;
      }
      .current {
        margin: 0;
        color: var(--c-muted);
        overflow-wrap: anywhere;
      }
      :host([mode='edit']) .lesson-form {
        border-block-start: 0;
        padding-block-start: 0;
      }
    `,
  ],
})
export class LessonFormComponent {
  private readonly api = inject(LearningApi);
  private readonly host = inject(ElementRef<HTMLElement>);
  private readonly fbuilder = inject(NonNullableFormBuilder);
  readonly module = input.required<ModuleDetail>();
  /** The reader's language (messages, sizes). */
  readonly lang = input.required<Language>();
  /** Edit mode (`mode="edit"` on the host): the lesson to edit, with its authoring `content`. */
  readonly lesson = input<LessonView | null>(null);
  /** The lesson as the API answers after it was added or saved. */
  readonly saved = output<LessonView>();
  /** Edit mode: the author closed the form without saving. */
  readonly cancelled = output<void>();

  /** Read once from the host attribute: the ids (and so the labels) must not clash with the add form. */
  protected readonly editing = inject(new HostAttributeToken('mode'), { optional: true }) === 'edit';

  protected readonly kinds = KINDS;
  protected readonly languages = LANGUAGES;
  protected readonly names = LANGUAGE_ENDONYMS;
  protected readonly titleMax = LESSON_TITLE_MAX_LENGTH;
  protected readonly hosts = VIDEO_EMBED_HOSTS.join(', ');
  protected readonly fileTypes = FILE_LESSON_TYPES.join(',');
  protected readonly videoTypes = VIDEO_TYPES.join(',');
  protected readonly fileBytes = UPLOAD_LIMITS.fileBytes;
  protected readonly scormBytes = UPLOAD_LIMITS.scormZipBytes;

  protected readonly fb = new FormFeedback(this.editing ? 'lesson-edit' : 'lesson-form');
  /** Bumped after a save: the form is drawn anew (file inputs emptied). */
  protected readonly formKey = signal(0);
  protected readonly editLang = signal<Language>('fr');
  protected readonly quiz = signal<QuizDraft>(emptyQuiz());
  protected readonly quizErrors = signal<Record<string, UiMessage>>({});
  protected readonly uploaded = signal<UploadedFile | null>(null);
  protected readonly scorm = signal<ScormContent | null>(null);
  /** False while the SCORM package shown is the edited lesson's own. */
  protected readonly scormIsNew = signal(true);
  /** Edit mode: what an empty upload field keeps. */
  protected readonly current = signal<{
    fileId: string | null;
    fileName: string | null;
    videoFileId: string | null;
  }>({
    fileId: null,
    fileName: null,
    videoFileId: null,
  });

  protected readonly form = this.fbuilder.group({
    kind: [LessonKind.Page as LessonKind],
    title: this.fbuilder.group({ fr: [''], ar: [''], en: [''] }),
    required: [true],
    markdown: this.fbuilder.group({ fr: [''], ar: [''], en: [''] }),
    videoSource: ['embed' as 'embed' | 'upload'],
    embedUrl: [''],
  });

  constructor() {
    let moduleId = '';
    effect(() => {
      const m = this.module();
      if (m.id === moduleId) return;
      moduleId = m.id;
      this.editLang.set(m.originalLanguage);
    });
    let lessonId = '';
    effect(() => {
      const l = this.lesson();
      if (!l || l.id === lessonId) return;
      lessonId = l.id;
      this.prefill(l);
    });
    // A file uploaded for one kind does not count for another.
    this.form.controls.kind.valueChanges.subscribe(() => {
      this.uploaded.set(null);
      this.fb.clear();
      this.quizErrors.set({});
    });
    this.form.controls.videoSource.valueChanges.subscribe(() => this.uploaded.set(null));
  }

  protected dir(lang: Language): 'rtl' | 'ltr' {
    return dirOf(lang);
  }
  protected size(bytes: number): string {
    return formatSize(bytes, this.lang());
  }
  protected langOf(message: UiMessage): string | null {
    return 'lang' in message && message.lang ? message.lang : null;
  }

  /** Edit mode: the form as the lesson is now. */
  private prefill(l: LessonView): void {
    const content = (l.content ?? {}) as Partial<PageContent & VideoContent & FileContent & QuizContent>;
    const video = l.kind === LessonKind.Video ? (content as VideoContent) : null;
    this.form.reset({
      kind: l.kind,
      title: toPerLanguage(l.title),
      required: l.required,
      markdown: toPerLanguage(l.kind === LessonKind.Page ? content.markdown : null),
      videoSource: video?.fileId ? 'upload' : 'embed',
      embedUrl: video?.embedUrl ?? '',
    });
    this.uploaded.set(null);
    this.current.set({
      fileId: l.kind === LessonKind.File ? ((content as FileContent).fileId ?? null) : null,
      fileName: l.kind === LessonKind.File ? (l.file?.filename ?? null) : null,
      videoFileId: video?.fileId ?? null,
    });
    this.quiz.set(
      l.kind === LessonKind.Quiz && Array.isArray(content.questions)
        ? toQuizDraft(content as QuizContent)
        : emptyQuiz(),
    );
    this.scorm.set(l.kind === LessonKind.Scorm ? (l.content as ScormContent) : null);
    this.scormIsNew.set(false);
    this.fb.clear();
    this.quizErrors.set({});
  }

  fileUploaded(result: UploadResult): void {
    if (result.kind === 'file') this.uploaded.set(result.file);
  }
  scormUploaded(result: UploadResult): void {
    if (result.kind !== 'scorm') return;
    this.scorm.set(result.scorm);
    this.scormIsNew.set(true);
  }

  /** The content of the chosen kind, or the errors that keep it from being sent. */
  private content(original: Language): { content: LessonContent | null; errors: Record<string, UiMessage> } {
    const v = this.form.getRawValue();
    const errors: Record<string, UiMessage> = {};
    switch (v.kind) {
      case LessonKind.Page: {
        const markdown = compactLocalized(v.markdown);
        if (!markdown[original]) errors['markdown'] = this.missingIn(original);
        return { content: { markdown }, errors };
      }
      case LessonKind.Video: {
        if (v.videoSource === 'upload') {
          const fileId = this.uploaded()?.id ?? this.current().videoFileId;
          if (!fileId) errors['fileId'] = { key: 'learning.lessonForm.uploadFirst' };
          return { content: { fileId, embedUrl: null }, errors };
        }
        const url = toEmbedUrl(v.embedUrl);
        if (!url) errors['embedUrl'] = { key: 'errors.required' };
        else if (!isAllowedEmbedUrl(url)) errors['embedUrl'] = { key: 'learning.lessonForm.embedUrlInvalid' };
        return { content: { embedUrl: url, fileId: null }, errors };
      }
      case LessonKind.File: {
        const fileId = this.uploaded()?.id ?? this.current().fileId;
        if (!fileId) errors['fileId'] = { key: 'learning.lessonForm.uploadFirst' };
        return { content: fileId ? { fileId } : null, errors };
      }
      case LessonKind.Quiz:
        return { content: toQuizContent(this.quiz()), errors };
      case LessonKind.Scorm: {
        const p = this.scorm();
        if (!p) errors['scorm'] = { key: 'learning.lessonForm.uploadFirst' };
        return { content: p, errors };
      }
    }
  }

  private missingIn(lang: Language): UiMessage {
    return { key: 'learning.lessonForm.requiredIn', params: { language: LANGUAGE_ENDONYMS[lang] } };
  }

  submit(): void {
    this.fb.clear();
    this.quizErrors.set({});
    const m = this.module();
    const original = m.originalLanguage;
    const v = this.form.getRawValue();
    const title = compactLocalized(v.title);
    const fields: Record<string, UiMessage> = {};
    if (!title[original]) fields['title'] = this.missingIn(original);
    else if (Object.values(title).some((t) => (t ?? '').length > LESSON_TITLE_MAX_LENGTH))
      fields['title'] = { key: 'errors.maxLength', params: { max: LESSON_TITLE_MAX_LENGTH } };
    const { content, errors } = this.content(original);
    Object.assign(fields, errors);
    const quizErrors: Record<string, UiMessage> = {};
    if (v.kind === LessonKind.Quiz) {
      for (const [field, key] of Object.entries(quizDraftErrors(this.quiz(), original)))
        quizErrors[field] = { key };
    }
    const count = Object.keys(fields).length + Object.keys(quizErrors).length;
    if (count > 0 || !content) {
      this.fb.fields.set(fields);
      this.quizErrors.set(quizErrors);
      this.fb.summary.set({ key: 'errors.formInvalid', params: { count: Math.max(count, 1) } });
      // Required texts are in the original language: show those inputs before moving focus.
      this.editLang.set(original);
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const editing = this.lesson();
    let call: Observable<LessonView>;
    if (editing) {
      // Every language is sent, an emptied one as "": the API keeps the languages left out.
      const body: UpdateLessonRequest = {
        title: { fr: v.title.fr.trim(), ar: v.title.ar.trim(), en: v.title.en.trim() },
        required: v.required,
        content,
      };
      call = this.api.updateLesson(editing.id, body);
    } else {
      const body: CreateLessonRequest = { kind: v.kind, title, required: v.required, content };
      call = this.api.createLesson(m.id, body);
    }
    this.fb.busy.set(true);
    call.subscribe({
      next: (saved) => {
        this.fb.busy.set(false);
        if (editing) {
          this.fb.succeed('learning.lessonForm.updated', { title: title[original] });
        } else {
          this.reset(v.kind);
          this.fb.succeed('learning.lessonForm.added', { title: title[original] });
        }
        this.saved.emit(saved);
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err, {}, this.fieldMap(v.kind));
        // Quiz reasons go under the builder's inputs.
        const quizFields: Record<string, UiMessage> = {};
        const others = { ...this.fb.fields() };
        for (const [field, message] of Object.entries(others)) {
          const q = quizFieldOf(field);
          if (q) {
            quizFields[q] = message;
            delete others[field];
          }
        }
        this.fb.fields.set(others);
        this.quizErrors.set(quizFields);
        this.editLang.set(original);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  /** The API's field names → this form's. */
  private fieldMap(kind: LessonKind): Record<string, string> {
    const contentField: Record<LessonKind, string> = {
      [LessonKind.Page]: 'markdown',
      [LessonKind.Video]: 'embedUrl',
      [LessonKind.File]: 'fileId',
      [LessonKind.Quiz]: 'questions',
      [LessonKind.Scorm]: 'scorm',
    };
    const map: Record<string, string> = {
      'content.markdown': 'markdown',
      'content.embedUrl': 'embedUrl',
      'content.fileId': kind === LessonKind.File || kind === LessonKind.Video ? 'fileId' : 'scorm',
      'content.packageId': 'scorm',
      content: contentField[kind],
    };
    for (const lang of LANGUAGES) {
      map[`title.${lang}`] = 'title';
      map[`content.markdown.${lang}`] = 'markdown';
    }
    return map;
  }

  private reset(kind: LessonKind): void {
    this.form.reset({ kind, required: true, videoSource: 'embed' });
    this.uploaded.set(null);
    this.scorm.set(null);
    this.quiz.set(emptyQuiz());
    this.editLang.set(this.module().originalLanguage);
    this.formKey.update((k) => k + 1);
  }
}
