import { Language, LocalizedText } from './i18n';

/** E-learning modules of a space, their lessons, and members' progress. */
export enum ModuleStatus {
  Draft = 'draft',
  Published = 'published',
  Archived = 'archived',
}

export enum LessonKind {
  Page = 'page',
  Video = 'video',
  File = 'file',
  Quiz = 'quiz',
  Scorm = 'scorm',
}

export enum ProgressStatus {
  NotStarted = 'not_started',
  InProgress = 'in_progress',
  Completed = 'completed',
}

/** Hosts whose embed URLs a video lesson may use (https only). */
export const VIDEO_EMBED_HOSTS = ['www.youtube-nocookie.com', 'www.youtube.com', 'player.vimeo.com', 'www.dailymotion.com'] as const;
/** A video counts as watched from this share of its duration. */
export const VIDEO_WATCHED_PERCENT = 90;

export const UPLOAD_LIMITS = {
  /** Downloadable files and uploaded videos. */
  fileBytes: 20 * 1024 * 1024,
  coverBytes: 2 * 1024 * 1024,
  scormZipBytes: 50 * 1024 * 1024,
  scormUnpackedBytes: 200 * 1024 * 1024,
  scormEntries: 5000,
} as const;

export const FILE_LESSON_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.presentation',
  'application/vnd.oasis.opendocument.spreadsheet',
  'video/mp4',
  'video/webm',
] as const;
export const COVER_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;

// ---------- lesson content, per kind (what authors send and get back) ----------

export interface PageContent {
  markdown: LocalizedText;
}
export interface VideoContent {
  /** An https embed URL on an allow-listed host, or an uploaded file. */
  embedUrl?: string | null;
  fileId?: string | null;
}
export interface FileContent {
  fileId: string;
}
export interface QuizChoice {
  id: string;
  text: LocalizedText;
  correct: boolean;
  /** Shown after an attempt, for this choice. */
  feedback?: LocalizedText;
}
export interface QuizQuestion {
  id: string;
  text: LocalizedText;
  /** Several choices may be correct; the answer must match the set exactly. */
  multiple: boolean;
  choices: QuizChoice[];
}
export interface QuizContent {
  /** Percent of questions answered right needed to pass (1–100). */
  passingScore: number;
  /** 0 = unlimited. */
  attemptsAllowed: number;
  questions: QuizQuestion[];
}
export interface ScormContent {
  packageId: string;
  version: '1.2' | '2004';
  launchPath: string;
  title?: string;
}
export type LessonContent = PageContent | VideoContent | FileContent | QuizContent | ScormContent;

// ---------- authoring ----------

export interface ModuleSummary {
  id: string;
  spaceId: string;
  title: LocalizedText;
  summary: LocalizedText;
  originalLanguage: Language;
  coverFileId: string | null;
  estimatedMinutes: number | null;
  status: ModuleStatus;
  publishedAt: string | null;
  lessonCount: number;
  requiredLessonCount: number;
  /** The caller's progress, when signed in and enrolled. */
  myPercent: number | null;
  myCompletedAt: string | null;
  /** Whether I share my completion in the activity feed (PUT/DELETE ApiRoutes.completionShare). */
  myCompletionShared: boolean;
}

export interface LessonOutline {
  id: string;
  position: number;
  kind: LessonKind;
  title: LocalizedText;
  required: boolean;
  /** The caller's status for this lesson. */
  myStatus: ProgressStatus;
}

export interface ModuleDetail extends ModuleSummary {
  lessons: LessonOutline[];
  /** The lesson to open for "continue where I left off", null when all done or none. */
  continueLessonId: string | null;
  can: { edit: boolean; learn: boolean; seeLearners: boolean };
}

export interface CreateModuleRequest {
  title: LocalizedText;
  summary?: LocalizedText;
  originalLanguage: Language;
  estimatedMinutes?: number | null;
}
export interface UpdateModuleRequest {
  title?: LocalizedText;
  summary?: LocalizedText;
  originalLanguage?: Language;
  estimatedMinutes?: number | null;
  coverFileId?: string | null;
  status?: ModuleStatus;
}

export interface CreateLessonRequest {
  kind: LessonKind;
  title: LocalizedText;
  required?: boolean;
  content: LessonContent;
}
export interface UpdateLessonRequest {
  title?: LocalizedText;
  required?: boolean;
  content?: LessonContent;
}
export interface ReorderLessonsRequest {
  /** Every lesson id of the module, in the new order. */
  lessonIds: string[];
}

/** A lesson as the player gets it. Quiz answers' `correct` and feedback are never sent before an attempt. */
export interface LessonView {
  id: string;
  moduleId: string;
  position: number;
  kind: LessonKind;
  title: LocalizedText;
  required: boolean;
  /** page: sanitised HTML per language. */
  html?: LocalizedText;
  video?: { embedUrl: string | null; fileUrl: string | null };
  file?: { url: string; filename: string; size: number; contentType: string };
  quiz?: {
    passingScore: number;
    attemptsAllowed: number;
    attemptsUsed: number;
    bestScore: number | null;
    questions: { id: string; text: LocalizedText; multiple: boolean; choices: { id: string; text: LocalizedText }[] }[];
  };
  scorm?: { version: '1.2' | '2004'; launchUrl: string; attemptId: string; cmi: Record<string, unknown> };
  /** Full authoring content, only for those who may edit. */
  content?: LessonContent;
  progress: { status: ProgressStatus; score: number | null; videoPercent: number | null };
  previousLessonId: string | null;
  nextLessonId: string | null;
}

// ---------- learning ----------

export interface QuizAttemptRequest {
  /** questionId → chosen choice ids. */
  answers: Record<string, string[]>;
}
export interface QuizAttemptResult {
  score: number;
  passed: boolean;
  attemptsUsed: number;
  attemptsLeft: number | null;
  questions: { id: string; correct: boolean; feedback: { choiceId: string; correct: boolean; feedback: LocalizedText | null }[] }[];
  modulePercent: number;
}

export interface VideoProgressRequest {
  /** Share of the video watched so far, 0–100. */
  watchedPercent: number;
}

/** What the SCORM runtime commits (scorm-again's `LMSCommit`/`Commit` body, flattened CMI). */
export interface ScormCommitRequest {
  cmi: Record<string, unknown>;
}

/** scorm-again reads `result`/`errorCode` to tell the SCO whether the commit was taken. */
export interface ScormCommitResult extends ProgressResult {
  result: true;
  errorCode: 0;
}

export interface ProgressResult {
  lessonId: string;
  status: ProgressStatus;
  modulePercent: number;
  moduleCompletedAt: string | null;
}

/** One row of "my modules" on the member's dashboard. */
export interface MyModule {
  moduleId: string;
  spaceId: string;
  title: LocalizedText;
  originalLanguage: Language;
  percent: number;
  completedAt: string | null;
  lastActivityAt: string;
  continueLessonId: string | null;
  certificateCode: string | null;
}

/** One learner of a module, for animators. */
export interface ModuleLearner {
  userId: string;
  displayName: string;
  startedAt: string;
  percent: number;
  completedAt: string | null;
  lastActivityAt: string;
  quizScores: { lessonId: string; bestScore: number }[];
}

export interface CertificateVerification {
  valid: boolean;
  code: string;
  holderName?: string;
  moduleTitle?: LocalizedText;
  spaceTitle?: LocalizedText;
  completedAt?: string;
}

export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export const ScormRoutes = {
  /** Files of an unpacked package, served same-origin for the player's frame. */
  asset: (packageId: string, path: string) => `/api/scorm/${packageId}/files/${path}`,
};
