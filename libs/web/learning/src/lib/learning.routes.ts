import { Routes } from '@angular/router';
import { signedInGuard } from '@pratique/web/core';

/** Mounted at /modules: a module, and its lesson player (whose chunk alone holds scorm-again). */
export const moduleRoutes: Routes = [
  {
    path: ':id',
    loadComponent: () => import('./module.page').then((m) => m.ModulePage),
  },
  {
    path: ':id/lessons/:lessonId',
    canActivate: [signedInGuard],
    loadComponent: () => import('./lesson-player.page').then((m) => m.LessonPlayerPage),
  },
];

/** Mounted at /my-modules: the reader's modules. */
export const myModulesRoutes: Routes = [
  {
    path: '',
    title: 'titles.myModules',
    canActivate: [signedInGuard],
    loadComponent: () => import('./my-modules.page').then((m) => m.MyModulesPage),
  },
];

/** Mounted at /certificates: public verification of a certificate code. */
export const certificateRoutes: Routes = [
  {
    path: ':code',
    title: 'titles.certificate',
    loadComponent: () => import('./certificate.page').then((m) => m.CertificatePage),
  },
];
