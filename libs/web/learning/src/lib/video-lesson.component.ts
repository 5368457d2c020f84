import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';
import { TranslocoPipe } from '@jsverse/transloco';
import { LessonView } from '@pratique/contracts';
import { isAllowedEmbedUrl, videoProgressToSend } from './learning-format';

/**
 * A video lesson: an embedded player (allow-listed https hosts; done with "Mark as done" since
 * the page cannot see inside it) or an uploaded video in `<video>`, whose progress is sent as
 * the learner watches (each further 10 %, and the end).
 */
@Component({
  selector: 'pq-video-lesson',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (embed(); as url) {
      <div class="frame">
        <iframe
          [src]="url"
          [title]="title()"
          allow="encrypted-media; picture-in-picture; fullscreen"
          referrerpolicy="strict-origin-when-cross-origin"
        ></iframe>
      </div>
    } @else if (video().fileUrl; as src) {
      <video
        class="video"
        controls
        preload="metadata"
        [src]="src"
        [attr.aria-label]="title()"
        (timeupdate)="onTime($any($event.target))"
        (ended)="onEnded()"
      >
        {{ 'learning.video.unsupported' | transloco }}
      </video>
    } @else {
      <p class="alert alert-error">{{ 'learning.video.missing' | transloco }}</p>
    }
  `,
  styles: `
    .frame {
      position: relative;
      aspect-ratio: 16 / 9;
      background: #000;
      border-radius: 8px;
      overflow: hidden;
    }
    .frame iframe {
      position: absolute;
      inset: 0;
      inline-size: 100%;
      block-size: 100%;
      border: 0;
    }
    .video {
      display: block;
      inline-size: 100%;
      max-block-size: 70vh;
      background: #000;
      border-radius: 8px;
    }
  `,
})
export class VideoLessonComponent {
  private readonly sanitizer = inject(DomSanitizer);
  readonly video = input.required<NonNullable<LessonView['video']>>();
  readonly title = input.required<string>();
  /** The share watched so far when the lesson opened (from the API). */
  readonly startPercent = input<number | null>(null);
  /** A new watched percent to record (throttled). */
  readonly watched = output<number>();

  private lastSent = -1;

  /** The embed URL, only when it is https on an allow-listed host (checked again here). */
  protected readonly embed = computed<SafeResourceUrl | null>(() => {
    const url = this.video().embedUrl;
    return url && isAllowedEmbedUrl(url) ? this.sanitizer.bypassSecurityTrustResourceUrl(url) : null;
  });

  onTime(el: HTMLVideoElement): void {
    if (this.lastSent < 0) this.lastSent = this.startPercent() ?? 0;
    if (!el.duration || !Number.isFinite(el.duration)) return;
    const send = videoProgressToSend(this.lastSent, (el.currentTime / el.duration) * 100);
    if (send !== null) {
      this.lastSent = send;
      this.watched.emit(send);
    }
  }

  onEnded(): void {
    if (this.lastSent < 100) {
      this.lastSent = 100;
      this.watched.emit(100);
    }
  }
}
