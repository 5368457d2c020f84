import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { scopeTranslations, signedInGuard } from '@pratique/web/core';

/** Mounted at /feed; strings in the `feed` transloco scope. `?region=<id>` shows a region's feed to its staff. */
export const feedRoutes: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('feed')],
    resolve: { translations: scopeTranslations('feed') },
    canActivate: [signedInGuard],
    title: 'titles.feed',
    loadComponent: () => import('./feed.page').then((m) => m.FeedPage),
  },
];
