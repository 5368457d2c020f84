import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';
import { scopeTranslations, signedInGuard } from '@pratique/web/core';

/**
 * Mounted at /notifications. The strings live in the `notifications` transloco scope
 * (`/i18n/notifications/<lang>.json`), fetched with this chunk; page titles are global keys.
 * `/notifications/preferences` is the address every e-mail links to: keep it.
 */
export const notificationsRoutes: Routes = [
  {
    path: '',
    providers: [provideTranslocoScope('notifications')],
    resolve: { translations: scopeTranslations('notifications') },
    canActivate: [signedInGuard],
    children: [
      {
        path: '',
        title: 'titles.notifications',
        loadComponent: () => import('./notifications.page').then((m) => m.NotificationsPage),
      },
      {
        path: 'preferences',
        title: 'titles.notificationPreferences',
        loadComponent: () => import('./preferences.page').then((m) => m.NotificationPreferencesPage),
      },
    ],
  },
];
