import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { scopeTranslations, signedInGuard } from '@pratique/web/core';

/**
 * Skills donation, mounted at /skills, for signed-in members. Strings live in the `skills`
 * transloco scope (`/i18n/skills/<lang>.json`), fetched with this chunk; pages set their own
 * `<title>` (the title strategy knows only the root files).
 */
export const skillsRoutes: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('skills')],
    resolve: { translations: scopeTranslations('skills') },
    canActivate: [signedInGuard],
    children: [
      { path: '', loadComponent: () => import('./skills-list.page').then((m) => m.SkillsListPage) },
      { path: 'offers/new', loadComponent: () => import('./offer-form.page').then((m) => m.OfferFormPage) },
      { path: 'offers/:id', loadComponent: () => import('./offer.page').then((m) => m.OfferPage) },
      {
        path: 'offers/:id/edit',
        loadComponent: () => import('./offer-form.page').then((m) => m.OfferFormPage),
      },
      {
        path: 'requests/new',
        loadComponent: () => import('./request-form.page').then((m) => m.RequestFormPage),
      },
      { path: 'requests/:id', loadComponent: () => import('./request.page').then((m) => m.RequestPage) },
      {
        path: 'requests/:id/edit',
        loadComponent: () => import('./request-form.page').then((m) => m.RequestFormPage),
      },
      { path: 'sessions', loadComponent: () => import('./sessions.page').then((m) => m.SessionsPage) },
      { path: 'flagged', loadComponent: () => import('./flagged.page').then((m) => m.FlaggedPage) },
      {
        path: 'contributors/:id',
        loadComponent: () => import('./contributor.page').then((m) => m.ContributorPage),
      },
    ],
  },
];
