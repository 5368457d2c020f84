/**
 * The toolbox (« boîte à outils ») of a space: resources members contribute, moderated by the
 * space's animators, rated 1–5 with an optional review.
 *
 * Kinds: `file` (an uploaded document), `link` (an http/https URL), `template` (an uploaded file
 * offered as a model to reuse — same upload rules as `file`, listed apart so members can filter on it).
 */
import { Language } from './i18n';
import { Page } from './pagination';

export enum ResourceKind {
  File = 'file',
  Link = 'link',
  Template = 'template',
}
export const RESOURCE_KINDS = [ResourceKind.File, ResourceKind.Link, ResourceKind.Template] as const;

/** pending → published | rejected; rejected → pending (the author edits); published → hidden (unpublished after a report). */
export enum ResourceStatus {
  Pending = 'pending',
  Published = 'published',
  Rejected = 'rejected',
  Hidden = 'hidden',
}

export enum ResourceSort {
  Rating = 'rating',
  Newest = 'newest',
  MostUsed = 'used',
}

export const RESOURCE_LIMITS = {
  titleChars: 200,
  descriptionChars: 20_000,
  tags: 10,
  tagChars: 40,
  urlChars: 2000,
  reviewChars: 5000,
  reasonChars: 1000,
} as const;

/** Types accepted for `file` and `template` resources. */
export const RESOURCE_FILE_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.spreadsheet',
  'image/png',
  'image/jpeg',
] as const;
/** 20 MB. */
export const RESOURCE_FILE_BYTES = 20 * 1024 * 1024;

export interface ResourceFileInfo {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export interface ResourceSummary {
  id: string;
  spaceId: string;
  kind: ResourceKind;
  title: string;
  /** The first words of the description, as plain text. */
  excerpt: string;
  tags: string[];
  language: Language;
  status: ResourceStatus;
  author: { id: string | null; displayName: string };
  ratingAverage: number | null;
  ratingCount: number;
  useCount: number;
  createdAt: string;
  publishedAt: string | null;
  /** Only for the author and moderators. */
  rejectionReason: string | null;
  /** Open reports (moderators only; 0 for others). */
  openReports: number;
}

export interface ResourceDetail extends ResourceSummary {
  /** Markdown as written. */
  description: string;
  /** The description rendered and sanitised on the API: safe for innerHTML. */
  descriptionHtml: string;
  url: string | null;
  file: ResourceFileInfo | null;
  space: { id: string; slug: string };
  myReview: ReviewView | null;
  can: { edit: boolean; moderate: boolean; review: boolean; report: boolean };
}

export interface ReviewView {
  user: { id: string; displayName: string };
  rating: number;
  body: string;
  bodyHtml: string;
  createdAt: string;
  updatedAt: string;
}

export interface ReviewResult {
  review: ReviewView;
  ratingAverage: number | null;
  ratingCount: number;
}

export interface ResourceReportView {
  id: string;
  resource: { id: string; title: string; status: ResourceStatus };
  reporter: { id: string | null; displayName: string };
  reason: string;
  createdAt: string;
}

export interface ModerationQueue {
  pending: ResourceSummary[];
  reports: ResourceReportView[];
}

export interface CreateResourceRequest {
  kind: ResourceKind;
  title: string;
  description?: string;
  tags?: string[];
  language: Language;
  /** For links: an http(s) URL. */
  url?: string;
  /** For files and templates: the id returned by the space's upload route. */
  fileId?: string;
}
export type UpdateResourceRequest = Partial<Omit<CreateResourceRequest, 'kind'>>;

export interface ResourceListQuery {
  sort?: ResourceSort;
  tag?: string;
  kind?: ResourceKind;
  language?: Language;
  page?: number;
  pageSize?: number;
}

export interface ReviewRequest {
  rating: number;
  body?: string;
}
export interface ReasonRequest {
  reason: string;
}

export type ResourcePage = Page<ResourceSummary>;

/** Trim, NFC, lower case, single spaces; empty tags dropped, duplicates removed (order kept). */
export function normaliseResourceTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of tags) {
    const t = String(raw).normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}
