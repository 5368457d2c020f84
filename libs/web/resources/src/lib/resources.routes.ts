import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { scopeTranslations, signedInGuard } from '@pratique/web/core';

/**
 * The toolbox of a space. `toolboxRoutes` is mounted at /spaces/:slug/toolbox, `resourceRoutes`
 * at /resources. Strings live in the `resources` transloco scope (`/i18n/resources/<lang>.json`).
 * Public spaces' toolboxes are readable without signing in; the API decides what each one sees.
 */
export const toolboxRoutes: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('resources')],
    resolve: { translations: scopeTranslations('resources') },
    children: [
      { path: '', loadComponent: () => import('./toolbox.page').then((m) => m.ToolboxPage) },
      {
        path: 'new',
        canActivate: [signedInGuard],
        loadComponent: () => import('./contribute.page').then((m) => m.ContributePage),
      },
      {
        path: 'moderation',
        canActivate: [signedInGuard],
        loadComponent: () => import('./moderation.page').then((m) => m.ModerationPage),
      },
    ],
  },
];

export const resourceRoutes: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('resources')],
    resolve: { translations: scopeTranslations('resources') },
    children: [{ path: ':id', loadComponent: () => import('./resource.page').then((m) => m.ResourcePage) }],
  },
];
