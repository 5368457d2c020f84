import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { SessionStore, personasOf, scopeTranslations, signedInGuard } from '@pratique/web/core';
import { MemberHomeComponent } from './member-home.component';

/** A home only for the people who have it; others are sent to their own (never a 403 for a tab). */
const hasPersona =
  (persona: 'animator' | 'staff'): CanActivateFn =>
  (_route, state) => {
    const session = inject(SessionStore);
    const user = session.user();
    if (!user) return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
    return personasOf(user).includes(persona) ? true : inject(Router).createUrlTree(['/home/member']);
  };

/** Mounted at /home: each person's homes; `/` shows the one they come for most (HomePage). */
export const homeRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'member' },
  {
    path: '',
    resolve: { translations: scopeTranslations('homes', 'notifications') },
    children: [
      {
        path: 'member',
        canActivate: [signedInGuard],
        title: 'titles.home',
        component: MemberHomeComponent,
      },
      {
        path: 'animator',
        canActivate: [hasPersona('animator')],
        title: 'titles.home',
        loadComponent: () => import('./animator-home.component').then((m) => m.AnimatorHomeComponent),
      },
      {
        path: 'staff',
        canActivate: [hasPersona('staff')],
        title: 'titles.home',
        loadComponent: () => import('./staff-home.component').then((m) => m.StaffHomeComponent),
      },
    ],
  },
];
