import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  OnInit,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiRoutes, LessonView } from '@pratique/contracts';
import type Scorm12API from 'scorm-again/scorm12';
import type Scorm2004API from 'scorm-again/scorm2004';
import { FrameSrcDirective } from './frame-src.directive';
import { safeScormLaunchUrl } from './frame-url';

type ScormRuntime = NonNullable<LessonView['scorm']>;
type Runtime = Scorm12API | Scorm2004API;
/** What the SCO finds on its parent window (SCORM API discovery). */
type ScormWindow = Window & { API?: Runtime; API_1484_11?: Runtime };

/**
 * Plays a SCORM package: creates the scorm-again runtime (SCORM 1.2 → `window.API`, 2004 →
 * `window.API_1484_11`), restores the saved CMI, and only then loads the package in a frame.
 * Commits go to `POST /api/scorm-attempts/:attemptId/commit` as `{ cmi }` (settings as
 * documented in libs/api/learning/src/scorm/cmi.ts); after each one the page refreshes the
 * learner's progress. scorm-again is loaded here, on demand: it is in no other bundle.
 */
@Component({
  selector: 'pq-scorm-player',
  imports: [TranslocoPipe, FrameSrcDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (failed()) {
      <p class="alert alert-error">{{ 'learning.scorm.failed' | transloco }}</p>
    } @else if (frameUrl(); as url) {
      <iframe
        class="sco"
        [pqFrameSrc]="url"
        pqFrameKind="scorm"
        [title]="frameTitle()"
        allow="fullscreen"
      ></iframe>
      <p class="hint">{{ 'learning.scorm.hint' | transloco }}</p>
    } @else {
      <p class="muted" aria-live="polite">{{ 'learning.scorm.loading' | transloco }}</p>
    }
  `,
  styles: `
    .sco {
      display: block;
      inline-size: 100%;
      block-size: min(75vh, 44rem);
      border: 1px solid var(--c-border);
      border-radius: 8px;
      background: #fff;
    }
    .hint {
      margin-block-start: 0.5rem;
    }
  `,
})
export class ScormPlayerComponent implements OnInit {
  private readonly destroyRef = inject(DestroyRef);
  readonly scorm = input.required<ScormRuntime>();
  /** The frame's accessible name (the lesson's title). */
  readonly frameTitle = input.required<string>();
  /** After the runtime committed to the API (progress may have changed). */
  readonly committed = output<void>();

  protected readonly frameUrl = signal<string | null>(null);
  protected readonly failed = signal(false);
  private runtime: Runtime | null = null;
  private destroyed = false;

  ngOnInit(): void {
    this.destroyRef.onDestroy(() => this.teardown());
    void this.start(this.scorm());
  }

  private async start(scorm: ScormRuntime): Promise<void> {
    const launchUrl = safeScormLaunchUrl(scorm.launchUrl);
    if (!launchUrl) {
      this.failed.set(true);
      return;
    }
    try {
      const settings = {
        lmsCommitUrl: ApiRoutes.scormCommit(scorm.attemptId),
        dataCommitFormat: 'json',
        commitRequestDataType: 'application/json;charset=UTF-8',
        // LMSFinish/Terminate is a sendBeacon: the API takes JSON writes only.
        terminationCommitContentType: 'application/json',
        autocommit: true,
        autocommitSeconds: 10,
        xhrWithCredentials: true,
        useAsynchronousCommits: false,
        sendFullCommit: true,
        logLevel: 4 as const,
        xhrResponseHandler: (xhr: XMLHttpRequest) => this.onCommitResponse(xhr),
      };
      const win = window as ScormWindow;
      let runtime: Runtime;
      if (scorm.version === '2004') {
        const { Scorm2004API: Api } = (await import('scorm-again/scorm2004')) as unknown as {
          Scorm2004API: typeof Scorm2004API;
        };
        runtime = new Api(settings);
      } else {
        const { Scorm12API: Api } = (await import('scorm-again/scorm12')) as unknown as {
          Scorm12API: typeof Scorm12API;
        };
        runtime = new Api(settings);
      }
      if (this.destroyed) return;
      if (scorm.cmi && Object.keys(scorm.cmi).length)
        runtime.loadFromJSON(scorm.cmi as Record<string, unknown>);
      // The terminate commit is a beacon (no answer to read): refresh a moment later.
      const finished = scorm.version === '2004' ? 'Terminate' : 'LMSFinish';
      runtime.on(finished, () => setTimeout(() => this.notify(), 800));
      this.runtime = runtime;
      if (scorm.version === '2004') win.API_1484_11 = runtime;
      else win.API = runtime;
      // The launch URL is checked above (same origin, under the API's package files); the frame
      // directive checks it again as it sets the frame's src attribute.
      this.frameUrl.set(launchUrl);
    } catch {
      this.failed.set(true);
    }
  }

  /** scorm-again's default reading of the commit answer, plus a refresh of the page's progress. */
  private onCommitResponse(xhr: XMLHttpRequest): { result: string | boolean; errorCode: number } {
    if (xhr.status < 200 || xhr.status > 299) return { result: 'false', errorCode: 101 };
    let body: { result?: string | boolean; errorCode?: number } | null = null;
    try {
      body = JSON.parse(xhr.responseText);
    } catch {
      body = null;
    }
    setTimeout(() => this.notify());
    if (!body || !('result' in body)) return { result: 'true', errorCode: 0 };
    const ok = body.result === true || body.result === 'true';
    return {
      result: body.result ?? 'false',
      errorCode: typeof body.errorCode === 'number' ? body.errorCode : ok ? 0 : 101,
    };
  }

  private notify(): void {
    if (!this.destroyed) this.committed.emit();
  }

  /** Leaving the lesson: finish the session if the SCO did not (its data is committed), then unhook the API. */
  private teardown(): void {
    this.destroyed = true;
    const runtime = this.runtime;
    const win = window as ScormWindow;
    if (runtime) {
      try {
        if (runtime.isInitialized() && !runtime.isTerminated()) {
          if ('LMSFinish' in runtime) runtime.LMSFinish('');
          else runtime.Terminate('');
        }
      } catch {
        // The session ends anyway; the last autocommit holds the data.
      }
    }
    if (win.API === runtime) delete win.API;
    if (win.API_1484_11 === runtime) delete win.API_1484_11;
    this.runtime = null;
  }
}
