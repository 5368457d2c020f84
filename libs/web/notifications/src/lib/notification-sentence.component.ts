import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, NotificationDto } from '@pratique/contracts';
import { notificationSentence, splitAtTitle } from './notification-format';

/**
 * One notification as a sentence in the reader's language, the title of the seminar or module
 * isolated in a `<bdi>` that carries the title's own language and direction (a French title in
 * an Arabic sentence stays left-to-right and is read with French rules).
 */
@Component({
  selector: 'pq-notification-sentence',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // One line on purpose (no formatter): any space around the title would show in the sentence.
  // prettier-ignore
  template: `@let s = sentence(); @let parts = split(s.key | transloco: s.params); {{ parts.before }}@if (parts.hasTitle && s.title; as t) {<bdi [attr.lang]="t.lang === lang() ? null : t.lang" [attr.dir]="t.dir">{{ t.text }}</bdi>}{{ parts.after }}`,
})
export class NotificationSentenceComponent {
  readonly notification = input.required<Pick<NotificationDto, 'type' | 'payload'>>();
  readonly lang = input.required<Language>();

  protected readonly sentence = computed(() => notificationSentence(this.notification(), this.lang()));
  protected readonly split = splitAtTitle;
}
