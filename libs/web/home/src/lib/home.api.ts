import { Injectable, inject } from '@angular/core';
import {
  AnimatorHome,
  ApiRoutes,
  HomeRoutes,
  MemberHome,
  NotificationDto,
  Page,
  SeminarOutlook,
  StaffHome,
} from '@pratique/contracts';
import { Prefetch, UNREAD_PREVIEW_URL } from '@pratique/web/core';
import { Observable } from 'rxjs';

/**
 * What the three homes read: one request per block, loaded side by side — taken from the
 * requests the `/` shell started ahead (HOME_REQUESTS) when there are fresh ones.
 */
@Injectable({ providedIn: 'root' })
export class HomeApi {
  private readonly requests = inject(Prefetch);

  member(): Observable<MemberHome> {
    return this.requests.get<MemberHome>(ApiRoutes.myHome);
  }
  seminarOutlook(): Observable<SeminarOutlook> {
    return this.requests.get<SeminarOutlook>(HomeRoutes.seminarOutlook);
  }
  animator(): Observable<AnimatorHome> {
    return this.requests.get<AnimatorHome>(HomeRoutes.animator);
  }
  staff(): Observable<StaffHome> {
    return this.requests.get<StaffHome>(HomeRoutes.staff);
  }
  unreadPreview(): Observable<Page<NotificationDto>> {
    return this.requests.get<Page<NotificationDto>>(UNREAD_PREVIEW_URL);
  }
}
