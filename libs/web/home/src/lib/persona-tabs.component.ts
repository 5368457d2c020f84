import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Persona, SessionStore, personasOf } from '@pratique/web/core';

const LINKS: Record<Persona, string> = {
  member: '/home/member',
  animator: '/home/animator',
  staff: '/home/staff',
};

/** The homes a person has, as links; shown only to someone with more than one. */
@Component({
  selector: 'pq-persona-tabs',
  imports: [RouterLink, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (personas().length > 1) {
      <nav class="persona-tabs" [attr.aria-label]="'homes.tabs.label' | transloco">
        <ul>
          @for (p of personas(); track p) {
            <li>
              <a
                [routerLink]="link(p)"
                [attr.aria-current]="p === current() ? 'page' : null"
                [class.current]="p === current()"
                >{{ 'homes.tabs.' + p | transloco }}</a
              >
            </li>
          }
        </ul>
      </nav>
    }
  `,
  styles: `
    ul {
      list-style: none;
      margin: 0 0 1rem;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-block-end: 2px solid var(--c-border);
    }
    a {
      display: inline-block;
      padding: 0.5rem 0.9rem;
      text-decoration: none;
      font-weight: 600;
      border-radius: var(--radius) var(--radius) 0 0;
      color: var(--c-primary-dark);
    }
    a.current {
      background: var(--c-primary);
      color: #fff;
    }
  `,
})
export class PersonaTabsComponent {
  readonly current = input.required<Persona>();
  private readonly session = inject(SessionStore);
  protected readonly personas = computed(() => {
    const u = this.session.user();
    return u ? personasOf(u) : [];
  });
  protected link(p: Persona): string {
    return LINKS[p];
  }
}
