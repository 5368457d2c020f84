import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AnimatorHome,
  ApiRoutes,
  HomeRoutes,
  MemberHome,
  SeminarOutlook,
  StaffHome,
} from '@pratique/contracts';
import { Observable } from 'rxjs';

/** What the three homes read: one request per block, loaded side by side. */
@Injectable({ providedIn: 'root' })
export class HomeApi {
  private readonly http = inject(HttpClient);

  member(): Observable<MemberHome> {
    return this.http.get<MemberHome>(ApiRoutes.myHome);
  }
  seminarOutlook(): Observable<SeminarOutlook> {
    return this.http.get<SeminarOutlook>(HomeRoutes.seminarOutlook);
  }
  animator(): Observable<AnimatorHome> {
    return this.http.get<AnimatorHome>(HomeRoutes.animator);
  }
  staff(): Observable<StaffHome> {
    return this.http.get<StaffHome>(HomeRoutes.staff);
  }
}
