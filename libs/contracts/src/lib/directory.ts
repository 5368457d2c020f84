/** Regions (regional offices) and organisations (CSOs). */
export interface RegionDto {
  id: string;
  code: string;
  name: string;
}
export interface CreateRegionRequest {
  code: string;
  name: string;
}
export type UpdateRegionRequest = Partial<CreateRegionRequest>;

export interface OrganisationDto {
  id: string;
  name: string;
  regionId: string;
  registrationNumber: string | null;
  thematicFields: string[];
  verified: boolean;
}
export interface CreateOrganisationRequest {
  name: string;
  regionId: string;
  registrationNumber?: string | null;
  thematicFields?: string[];
  verified?: boolean;
}
export type UpdateOrganisationRequest = Partial<CreateOrganisationRequest>;
