import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { CreateOrganisationRequest, OrganisationDto } from '@pratique/contracts';
import {
  DirectoryApi,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  focusFirstInvalid,
} from '@pratique/web/core';
import { catchError, of } from 'rxjs';
import { focusFirstInput } from './regions.page';

/** Organisations (CSOs): list by region, create, edit, delete. */
@Component({
  selector: 'pq-organisations-page',
  imports: [ReactiveFormsModule, TranslocoPipe, FieldErrorComponent, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'admin.organisations.title' | transloco }}</h1>
    <pq-form-status [feedback]="listFb" />
    <section class="card" aria-labelledby="org-form-title">
      <h2 id="org-form-title">
        {{ (editing() ? 'admin.organisations.editTitle' : 'admin.organisations.createTitle') | transloco }}
      </h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate class="stack">
        <pq-form-status [feedback]="fb" />
        <div class="row">
          <div class="field field-grow">
            <label [for]="fb.id('name')">{{ 'admin.organisations.name' | transloco }}</label>
            <input
              [id]="fb.id('name')"
              type="text"
              formControlName="name"
              [attr.aria-invalid]="fb.invalid('name')"
              [attr.aria-describedby]="fb.describedBy('name')"
            />
            <pq-field-error [feedback]="fb" field="name" />
          </div>
          <div class="field">
            <label [for]="fb.id('regionId')">{{ 'admin.organisations.region' | transloco }}</label>
            <select
              [id]="fb.id('regionId')"
              formControlName="regionId"
              [attr.aria-invalid]="fb.invalid('regionId')"
              [attr.aria-describedby]="fb.describedBy('regionId')"
            >
              <option value="">{{ 'accounts.chooseRegion' | transloco }}</option>
              @for (r of regions(); track r.id) {
                <option [value]="r.id">{{ r.name }}</option>
              }
            </select>
            <pq-field-error [feedback]="fb" field="regionId" />
          </div>
        </div>
        <div class="row">
          <div class="field">
            <label [for]="fb.id('registrationNumber')">{{
              'admin.organisations.registrationNumber' | transloco
            }}</label>
            <input
              [id]="fb.id('registrationNumber')"
              type="text"
              formControlName="registrationNumber"
              [attr.aria-invalid]="fb.invalid('registrationNumber')"
              [attr.aria-describedby]="fb.describedBy('registrationNumber')"
            />
            <pq-field-error [feedback]="fb" field="registrationNumber" />
          </div>
          <div class="field field-grow">
            <label [for]="fb.id('thematicFields')">{{
              'admin.organisations.thematicFields' | transloco
            }}</label>
            <input
              [id]="fb.id('thematicFields')"
              type="text"
              formControlName="thematicFields"
              [attr.aria-invalid]="fb.invalid('thematicFields')"
              [attr.aria-describedby]="fb.describedBy('thematicFields', 'org-fields-hint')"
            />
            <p class="hint" id="org-fields-hint">
              {{ 'admin.organisations.thematicFieldsHint' | transloco }}
            </p>
            <pq-field-error [feedback]="fb" field="thematicFields" />
          </div>
        </div>
        <div class="field field-check">
          <input [id]="fb.id('verified')" type="checkbox" formControlName="verified" />
          <label [for]="fb.id('verified')">{{ 'admin.organisations.verified' | transloco }}</label>
        </div>
        <div class="actions">
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

    <div class="filters-inline">
      <label for="org-filter-region">{{ 'admin.organisations.filterRegion' | transloco }}</label>
      <select id="org-filter-region" (change)="filter.set($any($event.target).value)">
        <option value="">{{ 'spaces.allRegions' | transloco }}</option>
        @for (r of regions(); track r.id) {
          <option [value]="r.id">{{ r.name }}</option>
        }
      </select>
    </div>
    <div class="table-wrap">
      <table class="table">
        <caption class="sr-only">
          {{
            'admin.organisations.title' | transloco
          }}
        </caption>
        <thead>
          <tr>
            <th scope="col">{{ 'admin.organisations.name' | transloco }}</th>
            <th scope="col">{{ 'admin.organisations.region' | transloco }}</th>
            <th scope="col">{{ 'admin.organisations.registrationNumber' | transloco }}</th>
            <th scope="col">{{ 'admin.organisations.verified' | transloco }}</th>
            <th scope="col">{{ 'common.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (o of visible(); track o.id) {
            <tr>
              <td>{{ o.name }}</td>
              <td>{{ regionName(o.regionId) }}</td>
              <td>{{ o.registrationNumber ?? '—' }}</td>
              <td>{{ (o.verified ? 'common.yes' : 'common.no') | transloco }}</td>
              <td class="cell-actions">
                <button type="button" class="btn btn-small btn-secondary" (click)="edit(o)">
                  {{ 'common.edit' | transloco }}<span class="sr-only"> — {{ o.name }}</span>
                </button>
                <button type="button" class="btn btn-small btn-danger" (click)="remove(o)">
                  {{ 'common.delete' | transloco }}<span class="sr-only"> — {{ o.name }}</span>
                </button>
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="5" class="muted">{{ 'admin.organisations.empty' | transloco }}</td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
})
export class OrganisationsPage {
  private readonly api = inject(DirectoryApi);
  private readonly host = inject(ElementRef<HTMLElement>);
  private readonly transloco = inject(TranslocoService);
  protected readonly regions = toSignal(this.api.regions().pipe(catchError(() => of([]))), {
    initialValue: [],
  });
  protected readonly organisations = signal<OrganisationDto[]>([]);
  protected readonly filter = signal('');
  protected readonly visible = computed(() =>
    this.filter() ? this.organisations().filter((o) => o.regionId === this.filter()) : this.organisations(),
  );
  protected readonly editing = signal<OrganisationDto | null>(null);
  protected readonly fb = new FormFeedback('org');
  protected readonly listFb = new FormFeedback('orgs');
  private readonly empty = {
    name: '',
    regionId: '',
    registrationNumber: '',
    thematicFields: '',
    verified: false,
  };
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    regionId: ['', [Validators.required]],
    registrationNumber: ['', [Validators.maxLength(60)]],
    thematicFields: [''],
    verified: [false],
  });

  constructor() {
    this.load();
  }

  protected regionName(id: string): string {
    return this.regions().find((r) => r.id === id)?.name ?? '—';
  }

  private load(): void {
    this.api.organisations().subscribe({
      next: (list) => this.organisations.set(list),
      error: (err) => this.listFb.fromError(err),
    });
  }

  edit(o: OrganisationDto): void {
    this.editing.set(o);
    this.fb.clear();
    this.form.reset({
      name: o.name,
      regionId: o.regionId,
      registrationNumber: o.registrationNumber ?? '',
      thematicFields: o.thematicFields.join(', '),
      verified: o.verified,
    });
    focusFirstInput(this.host.nativeElement, this.fb.id('name'));
  }
  cancel(): void {
    this.editing.set(null);
    this.fb.clear();
    this.form.reset(this.empty);
  }

  submit(): void {
    if (!this.fb.validate(this.form)) {
      focusFirstInvalid(this.host.nativeElement);
      return;
    }
    const v = this.form.getRawValue();
    const body: CreateOrganisationRequest = {
      name: v.name.trim(),
      regionId: v.regionId,
      registrationNumber: v.registrationNumber.trim() || null,
      thematicFields: v.thematicFields
        .split(',')
        .map((f) => f.trim())
        .filter(Boolean),
      verified: v.verified,
    };
    const current = this.editing();
    this.fb.busy.set(true);
    const call = current ? this.api.updateOrganisation(current.id, body) : this.api.createOrganisation(body);
    call.subscribe({
      next: (saved) => {
        this.fb.busy.set(false);
        this.editing.set(null);
        this.form.reset(this.empty);
        this.fb.succeed(current ? 'admin.saved' : 'admin.created', { name: saved.name });
        this.load();
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err);
        focusFirstInvalid(this.host.nativeElement);
      },
    });
  }

  remove(o: OrganisationDto): void {
    if (!confirm(this.transloco.translate('admin.confirmDelete', { name: o.name }))) return;
    this.listFb.clear();
    this.api.deleteOrganisation(o.id).subscribe({
      next: () => {
        this.listFb.succeed('admin.deleted', { name: o.name });
        this.load();
      },
      error: (err) => this.listFb.fromError(err, { 409: 'admin.organisations.inUse' }),
    });
  }
}
