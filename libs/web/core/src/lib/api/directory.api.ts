import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  CreateOrganisationRequest,
  CreateRegionRequest,
  OrganisationDto,
  RegionDto,
  UpdateOrganisationRequest,
  UpdateRegionRequest,
} from '@pratique/contracts';
import { Observable } from 'rxjs';

/** Regions (regional offices) and organisations (CSOs). */
@Injectable({ providedIn: 'root' })
export class DirectoryApi {
  private readonly http = inject(HttpClient);

  regions(): Observable<RegionDto[]> {
    return this.http.get<RegionDto[]>(ApiRoutes.regions);
  }
  createRegion(body: CreateRegionRequest): Observable<RegionDto> {
    return this.http.post<RegionDto>(ApiRoutes.regions, body);
  }
  updateRegion(id: string, body: UpdateRegionRequest): Observable<RegionDto> {
    return this.http.patch<RegionDto>(ApiRoutes.region(id), body);
  }
  deleteRegion(id: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.region(id));
  }

  organisations(regionId?: string | null): Observable<OrganisationDto[]> {
    const params = regionId ? new HttpParams().set('regionId', regionId) : undefined;
    return this.http.get<OrganisationDto[]>(ApiRoutes.organisations, { params });
  }
  createOrganisation(body: CreateOrganisationRequest): Observable<OrganisationDto> {
    return this.http.post<OrganisationDto>(ApiRoutes.organisations, body);
  }
  updateOrganisation(id: string, body: UpdateOrganisationRequest): Observable<OrganisationDto> {
    return this.http.patch<OrganisationDto>(ApiRoutes.organisation(id), body);
  }
  deleteOrganisation(id: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.organisation(id));
  }
}
