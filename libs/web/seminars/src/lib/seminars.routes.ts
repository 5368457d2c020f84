import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { scopeTranslations, SessionStore, signedInGuard } from '@pratique/web/core';

/** Creating seminars and their dashboards are for regional staff and admins (the API checks the region). */
export const seminarStaffGuard: CanActivateFn = () => {
  const session = inject(SessionStore);
  return session.isAdmin() || session.staffRegionIds().length > 0
    ? true
    : inject(Router).createUrlTree(['/forbidden']);
};

/**
 * Mounted at /seminars. The strings live in the `seminars` transloco scope
 * (`/i18n/seminars/<lang>.json`), fetched with this chunk. Pages set their own `<title>`.
 */
export const seminarsRoutes: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('seminars')],
    resolve: { translations: scopeTranslations('seminars') },
    canActivate: [signedInGuard],
    children: [
      { path: '', loadComponent: () => import('./seminars-list.page').then((m) => m.SeminarsListPage) },
      {
        path: 'new',
        canActivate: [seminarStaffGuard],
        loadComponent: () => import('./seminar-edit.page').then((m) => m.SeminarEditPage),
      },
      { path: ':id', loadComponent: () => import('./seminar.page').then((m) => m.SeminarPage) },
      {
        path: ':id/edit',
        canActivate: [seminarStaffGuard],
        loadComponent: () => import('./seminar-edit.page').then((m) => m.SeminarEditPage),
      },
      {
        path: ':id/dashboard',
        canActivate: [seminarStaffGuard],
        loadComponent: () => import('./seminar-dashboard.page').then((m) => m.SeminarDashboardPage),
      },
      {
        path: ':id/check-in',
        loadComponent: () => import('./check-in.page').then((m) => m.CheckInPage),
      },
    ],
  },
];
