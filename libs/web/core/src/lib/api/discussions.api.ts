import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  AcceptAnswerRequest,
  ApiRoutes,
  CreateReplyRequest,
  CreateThreadRequest,
  DiscussionRevision,
  FollowState,
  ModerateReplyRequest,
  ModerateThreadRequest,
  Page,
  ReplyDto,
  ThreadDetail,
  ThreadListQuery,
  ThreadPage,
  UpdateReplyRequest,
  UpdateThreadRequest,
  VoteResult,
} from '@pratique/contracts';
import { Observable } from 'rxjs';

/** Discussions and questions of a space: threads, replies, votes, moderation, history, follows. */
@Injectable({ providedIn: 'root' })
export class DiscussionsApi {
  private readonly http = inject(HttpClient);

  list(space: string, query: ThreadListQuery): Observable<ThreadPage> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '' || value === false) continue;
      params = params.set(key, String(value));
    }
    return this.http.get<ThreadPage>(ApiRoutes.spaceThreads(encodeURIComponent(space)), { params });
  }
  create(space: string, body: CreateThreadRequest): Observable<ThreadDetail> {
    return this.http.post<ThreadDetail>(ApiRoutes.spaceThreads(encodeURIComponent(space)), body);
  }
  toggleSpaceFollow(space: string): Observable<FollowState> {
    return this.http.post<FollowState>(ApiRoutes.spaceFollow(encodeURIComponent(space)), {});
  }
  get(id: string): Observable<ThreadDetail> {
    return this.http.get<ThreadDetail>(ApiRoutes.thread(id));
  }
  update(id: string, body: UpdateThreadRequest): Observable<ThreadDetail> {
    return this.http.patch<ThreadDetail>(ApiRoutes.thread(id), body);
  }
  revisions(id: string): Observable<DiscussionRevision[]> {
    return this.http.get<DiscussionRevision[]>(ApiRoutes.threadRevisions(id));
  }
  accept(id: string, body: AcceptAnswerRequest): Observable<ThreadDetail> {
    return this.http.put<ThreadDetail>(ApiRoutes.threadAcceptedReply(id), body);
  }
  moderate(id: string, body: ModerateThreadRequest): Observable<ThreadDetail> {
    return this.http.patch<ThreadDetail>(ApiRoutes.threadModeration(id), body);
  }
  toggleFollow(id: string): Observable<FollowState> {
    return this.http.post<FollowState>(ApiRoutes.threadFollow(id), {});
  }
  replies(id: string, page = 1, pageSize = 100): Observable<Page<ReplyDto>> {
    return this.http.get<Page<ReplyDto>>(ApiRoutes.threadReplies(id), { params: { page, pageSize } });
  }
  reply(id: string, body: CreateReplyRequest): Observable<ReplyDto> {
    return this.http.post<ReplyDto>(ApiRoutes.threadReplies(id), body);
  }
  updateReply(id: string, body: UpdateReplyRequest): Observable<ReplyDto> {
    return this.http.patch<ReplyDto>(ApiRoutes.reply(id), body);
  }
  replyRevisions(id: string): Observable<DiscussionRevision[]> {
    return this.http.get<DiscussionRevision[]>(ApiRoutes.replyRevisions(id));
  }
  vote(id: string): Observable<VoteResult> {
    return this.http.post<VoteResult>(ApiRoutes.replyVote(id), {});
  }
  moderateReply(id: string, body: ModerateReplyRequest): Observable<ReplyDto> {
    return this.http.patch<ReplyDto>(ApiRoutes.replyModeration(id), body);
  }
}
