import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiRoutes,
  CertificateVerification,
  CreateLessonRequest,
  CreateModuleRequest,
  LessonView,
  ModuleDetail,
  ModuleLearner,
  ModuleSummary,
  MyModule,
  ProgressResult,
  QuizAttemptRequest,
  QuizAttemptResult,
  ScormContent,
  UpdateLessonRequest,
  UpdateModuleRequest,
  UploadedFile,
} from '@pratique/contracts';
import { Observable } from 'rxjs';

/** What an uploaded file is for (`POST /api/files?purpose=`): the API checks type and size per purpose. */
export type UploadPurpose = 'lesson' | 'cover';

/** E-learning: modules of a space, lessons, uploads, the learner's progress and certificates. */
@Injectable({ providedIn: 'root' })
export class LearningApi {
  private readonly http = inject(HttpClient);

  // ---------- modules ----------
  spaceModules(spaceId: string): Observable<ModuleSummary[]> {
    return this.http.get<ModuleSummary[]>(ApiRoutes.spaceModules(spaceId));
  }
  createModule(spaceId: string, body: CreateModuleRequest): Observable<ModuleDetail> {
    return this.http.post<ModuleDetail>(ApiRoutes.spaceModules(spaceId), body);
  }
  module(id: string): Observable<ModuleDetail> {
    return this.http.get<ModuleDetail>(ApiRoutes.module(id));
  }
  updateModule(id: string, body: UpdateModuleRequest): Observable<ModuleDetail> {
    return this.http.patch<ModuleDetail>(ApiRoutes.module(id), body);
  }
  learners(id: string): Observable<ModuleLearner[]> {
    return this.http.get<ModuleLearner[]>(ApiRoutes.moduleLearners(id));
  }

  // ---------- lessons ----------
  createLesson(moduleId: string, body: CreateLessonRequest): Observable<LessonView> {
    return this.http.post<LessonView>(ApiRoutes.moduleLessons(moduleId), body);
  }
  reorderLessons(moduleId: string, lessonIds: string[]): Observable<ModuleDetail> {
    return this.http.put<ModuleDetail>(ApiRoutes.moduleLessonOrder(moduleId), { lessonIds });
  }
  lesson(id: string): Observable<LessonView> {
    return this.http.get<LessonView>(ApiRoutes.lesson(id));
  }
  updateLesson(id: string, body: UpdateLessonRequest): Observable<LessonView> {
    return this.http.patch<LessonView>(ApiRoutes.lesson(id), body);
  }
  deleteLesson(id: string): Observable<void> {
    return this.http.delete<void>(ApiRoutes.lesson(id));
  }

  // ---------- uploads (multipart/form-data, field `file`) ----------
  uploadFile(file: File, purpose: UploadPurpose): Observable<UploadedFile> {
    const params = new HttpParams().set('purpose', purpose);
    return this.http.post<UploadedFile>(ApiRoutes.files, formDataOf(file), { params });
  }
  uploadScormPackage(file: File): Observable<ScormContent> {
    return this.http.post<ScormContent>(ApiRoutes.scormPackages, formDataOf(file));
  }

  // ---------- learning ----------
  complete(lessonId: string): Observable<ProgressResult> {
    return this.http.post<ProgressResult>(ApiRoutes.lessonComplete(lessonId), {});
  }
  videoProgress(lessonId: string, watchedPercent: number): Observable<ProgressResult> {
    return this.http.post<ProgressResult>(ApiRoutes.lessonVideoProgress(lessonId), { watchedPercent });
  }
  attemptQuiz(lessonId: string, body: QuizAttemptRequest): Observable<QuizAttemptResult> {
    return this.http.post<QuizAttemptResult>(ApiRoutes.lessonQuizAttempts(lessonId), body);
  }
  myModules(): Observable<MyModule[]> {
    return this.http.get<MyModule[]>(ApiRoutes.myModules);
  }
  verifyCertificate(code: string): Observable<CertificateVerification> {
    return this.http.get<CertificateVerification>(ApiRoutes.certificateVerify(encodeURIComponent(code)));
  }
}

function formDataOf(file: File): FormData {
  const data = new FormData();
  data.append('file', file, file.name);
  return data;
}
