import { Directive, ElementRef, Renderer2, effect, inject, input } from '@angular/core';
import { FrameKind, safeFrameUrl } from './frame-url';

/**
 * `<iframe [pqFrameSrc]="url" pqFrameKind="video">`: sets the frame's `src` attribute through
 * the renderer, and only to a URL that passes the rule of its kind (see frame-url.ts); any
 * other URL leaves the frame empty. This is how lesson frames get their address without
 * marking anything as trusted for Angular's sanitizer.
 */
@Directive({ selector: 'iframe[pqFrameSrc]' })
export class FrameSrcDirective {
  private readonly host = inject<ElementRef<HTMLIFrameElement>>(ElementRef);
  private readonly renderer = inject(Renderer2);
  readonly pqFrameSrc = input.required<string | null>();
  readonly pqFrameKind = input.required<FrameKind>();

  constructor() {
    effect(() => {
      const safe = safeFrameUrl(this.pqFrameKind(), this.pqFrameSrc());
      const frame = this.host.nativeElement;
      if (safe === null) this.renderer.removeAttribute(frame, 'src');
      else if (frame.getAttribute('src') !== safe) this.renderer.setAttribute(frame, 'src', safe);
    });
  }
}
