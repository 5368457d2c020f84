import { Routes } from '@angular/router';
import { provideTranslocoScope } from '@jsverse/transloco';

/** Skills donation, mounted at /skills. Strings live in the `skills` transloco scope (`/i18n/skills/<lang>.json`). */
export const skillsRoutes: Routes = [{ path: '', providers: [provideTranslocoScope('skills')], children: [] }];
