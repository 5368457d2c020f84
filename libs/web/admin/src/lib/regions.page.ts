import { ChangeDetectionStrategy, Component, ElementRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { RegionDto } from '@pratique/contracts';
import {
  DirectoryApi,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  focusFirstInvalid,
} from '@pratique/web/core';

/** Regions (regional offices): list, create, rename, delete. 409 when the code exists or the region is in use. */
@Component({
  selector: 'pq-regions-page',
  imports: [ReactiveFormsModule, TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'admin.regions.title' | transloco }}</h1>
    <pq-form-status [feedback]="listFb" />
    <section class="card" aria-labelledby="region-form-title">
      <h2 id="region-form-title">
        {{ (editing() ? 'admin.regions.editTitle' : 'admin.regions.createTitle') | transloco }}
      </h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="row">
        <pq-form-status [feedback]="fb" class="full" />
        <div class="field">
          <label [for]="fb.id('code')">{{ 'admin.regions.code' | transloco }}</label>
          <input
            [id]="fb.id('code')"
            type="text"
            formControlName="code"
            autocomplete="off"
            [attr.aria-invalid]="fb.invalid('code')"
            [attr.aria-describedby]="fb.describedBy('code')"
          />
          <pq-field-error [feedback]="fb" field="code" />
        </div>
        <div class="field field-grow">
          <label [for]="fb.id('name')">{{ 'admin.regions.name' | transloco }}</label>
          <input
            [id]="fb.id('name')"
            type="text"
            formControlName="name"
            autocomplete="off"
            [attr.aria-invalid]="fb.invalid('name')"
            [attr.aria-describedby]="fb.describedBy('name')"
          />
          <pq-field-error [feedback]="fb" field="name" />
        </div>
        <div class="field field-actions">
          <button class="btn btn-primary" type="submit" [disabled]="fb.busy()">
            {{ (editing() ? 'common.save' : 'common.create') | transloco }}
          </button>
          @if (editing()) {
            <button class="btn btn-ghost-dark" type="button" (click)="cancel()">
              {{ 'common.cancel' | transloco }}
            </button>
          }
        </div>
      </form>
    </section>

    <div class="table-wrap">
      <table class="table">
        <caption class="sr-only">
          {{
            'admin.regions.title' | transloco
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'admin.regions.code' | transloco }}</th>
            <th scope="col">{{ 'admin.regions.name' | transloco }}</th>
            <th scope="col">{{ 'common.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (r of regions(); track r.id) {
            <tr>
              <td>
                <code>{{ r.code }}</code>
              </td>
              <td>{{ r.name }}</td>
              <td class="cell-actions">
                <button type="button" class="btn btn-small btn-secondary" (click)="edit(r)">
                  {{ 'common.edit' | transloco }}<span class="sr-only"> — {{ r.name }}</span>
                </button>
                <button type="button" class="btn btn-small btn-danger" (click)="remove(r)">
                  {{ 'common.delete' | transloco }}<span class="sr-only"> — {{ r.name }}</span>
                </button>
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="3" class="muted">{{ 'admin.regions.empty' | transloco }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class RegionsPage {
  private readonly api = inject(DirectoryApi);
  private readonly host = inject(ElementRef<HTMLElement>);
  private readonly transloco = inject(TranslocoService);
  protected readonly regions = signal<RegionDto[]>([]);
  protected readonly editing = signal<RegionDto | null>(null);
  protected readonly fb = new FormFeedback('region');
  protected readonly listFb = new FormFeedback('regions');
  protected readonly form = inject(NonNullableFormBuilder).group({
    code: ['', [Validators.required, Validators.maxLength(20)]],
    name: ['', [Validators.required, Validators.maxLength(120)]],
  });

  constructor() {
    this.load();
  }

  private load(): void {
    this.api.regions().subscribe({
      next: (list) => this.regions.set(list),
      error: (err) => this.listFb.fromError(err),
    });
  }

  edit(r: RegionDto): void {
    this.editing.set(r);
    this.fb.clear();
    this.form.reset({ code: r.code, name: r.name });
    focusFirstInput(this.host.nativeElement, this.fb.id('code'));
  }
  cancel(): void {
    this.editing.set(null);
    this.fb.clear();
    this.form.reset({ code: '', name: '' });
  }

  submit(): void {
    if (!this.fb.validate(this.form)) {
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const body = { code: this.form.getRawValue().code.trim(), name: this.form.getRawValue().name.trim() };
    const current = this.editing();
    this.fb.busy.set(true);
    const call = current ? this.api.updateRegion(current.id, body) : this.api.createRegion(body);
    call.subscribe({
      next: (saved) => {
        this.fb.busy.set(false);
        this.editing.set(null);
        this.form.reset({ code: '', name: '' });
        this.fb.succeed(current ? 'admin.saved' : 'admin.created', { name: saved.name });
        this.load();
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err, { 409: 'admin.regions.codeTaken' });
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  remove(r: RegionDto): void {
    if (!confirm(this.transloco.translate('admin.confirmDelete', { name: r.name }))) return;
    this.listFb.clear();
    this.api.deleteRegion(r.id).subscribe({
      next: () => {
        this.listFb.succeed('admin.deleted', { name: r.name });
        this.load();
      },
      error: (err) => this.listFb.fromError(err, { 409: 'admin.regions.inUse' }),
    });
  }
}

export function focusFirstInput(root: HTMLElement, id: string): void {
  setTimeout(() => root.querySelector<HTMLElement>(`#${id}`)?.focus());
}
