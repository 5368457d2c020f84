import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { SessionStore } from '@pratique/web/core';

@Component({
  selector: 'pq-admin-layout',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (session.isAdmin()) {
      <nav class="subnav" [attr.aria-label]="'admin.nav' | transloco">
        <ul>
          <li>
            <a routerLink="regions" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              'admin.regions.title' | transloco
            }}</a>
          </li>
          <li>
            <a routerLink="organisations" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              'admin.organisations.title' | transloco
            }}</a>
          </li>
          <li>
            <a routerLink="roles" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              'admin.roles.title' | transloco
            }}</a>
          </li>
          <li>
            <a routerLink="queues" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              'admin.queues.title' | transloco
            }}</a>
          </li>
          <li>
            <a routerLink="audit-log" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              'admin.audit.title' | transloco
            }}</a>
          </li>
          <li>
            <a routerLink="spaces/new" routerLinkActive="active" ariaCurrentWhenActive="page">{{
              'nav.newSpace' | transloco
            }}</a>
          </li>
        </ul>
      </nav>
    }
    <router-outlet />
  `,
})
export class AdminLayoutComponent {
  protected readonly session = inject(SessionStore);
}
