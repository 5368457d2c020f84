import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { scopeTranslations, signedInGuard } from '@pratique/web/core';

/**
 * Mounted at /spaces/:slug/discussions (the list and the new-thread form; `slug` is inherited
 * from the componentless parent route). Strings live in the `discussions` transloco scope.
 */
export const spaceDiscussionsRoutes: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('discussions')],
    resolve: { translations: scopeTranslations('discussions') },
    children: [
      { path: '', loadComponent: () => import('./discussions-list.page').then((m) => m.DiscussionsListPage) },
      {
        path: 'new',
        canActivate: [signedInGuard],
        loadComponent: () => import('./thread-new.page').then((m) => m.ThreadNewPage),
      },
    ],
  },
];

/** Mounted at /discussions: one thread with its replies. */
export const discussionRoutes: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('discussions')],
    resolve: { translations: scopeTranslations('discussions') },
    children: [{ path: ':id', loadComponent: () => import('./thread.page').then((m) => m.ThreadPage) }],
  },
];
