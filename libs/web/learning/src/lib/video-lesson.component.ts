import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { LessonView } from '@pratique/contracts';
import { FrameSrcDirective } from './frame-src.directive';
import { safeVideoEmbedUrl } from './frame-url';
import { VideoProgressTracker } from './video-progress';

/**
 * A video lesson: an embedded player (allow-listed https hosts; done with "Mark as done" since
 * the page cannot see inside it) or an uploaded video in `<video>`, whose progress is sent as
 * the learner watches (each further 10 %, and the end). The frame's address is set by
 * `FrameSrcDirective`, which checks it again.
 */
@Component({
  selector: 'pq-video-lesson',
  imports: [TranslocoPipe, FrameSrcDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (embed(); as url) {
      <div class="frame">
        <iframe
          [pqFrameSrc]="url"
          pqFrameKind="video"
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
  readonly video = input.required<NonNullable<LessonView['video']>>();
  readonly title = input.required<string>();
  /** The share watched so far when the lesson opened (from the API). */
  readonly startPercent = input<number | null>(null);
  /** A new watched percent to record (throttled). */
  readonly watched = output<number>();

  private tracker: VideoProgressTracker | null = null;

  /** The embed URL, only when it is https on an allow-listed host (checked again here). */
  protected readonly embed = computed(() => safeVideoEmbedUrl(this.video().embedUrl));

  private progress(): VideoProgressTracker {
    this.tracker ??= new VideoProgressTracker(this.startPercent());
    return this.tracker;
  }

  onTime(el: HTMLVideoElement): void {
    const send = this.progress().onTime(el.currentTime, el.duration);
    if (send !== null) this.watched.emit(send);
  }

  onEnded(): void {
    const send = this.progress().onEnded();
    if (send !== null) this.watched.emit(send);
  }
}
