import { ChangeDetectionStrategy, Component, input, linkedSignal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { MemberCard } from '@pratique/contracts';
import { FollowButtonComponent } from './follow-button.component';

/** One person in the directory; a field the member hides is null and simply not shown. */
@Component({
  selector: 'pq-member-card',
  imports: [RouterLink, TranslocoPipe, FollowButtonComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let m = member();
    <article class="card member-card">
      <h2 class="card-title">
        <a [routerLink]="['/members', m.id]">{{ m.displayName }}</a>
      </h2>
      @if (m.organisations?.length) {
        <p class="card-meta">
          <span class="sr-only">{{ 'members.card.organisations' | transloco }}</span>
          @for (o of m.organisations; track o.id; let last = $last) {
            <bdi>{{ o.name }}</bdi>{{ last ? '' : ' · ' }}
          }
        </p>
      }
      @if (regionName(); as region) {
        <p class="card-meta">
          <span class="sr-only">{{ 'members.card.region' | transloco }}</span> {{ region }}
        </p>
      }
      @if (m.skills?.length) {
        <ul class="skills" [attr.aria-label]="'members.card.skills' | transloco">
          @for (s of m.skills; track s) {
            <li class="badge badge-axis" dir="auto">{{ s }}</li>
          }
        </ul>
      }
      @if (!isMe()) {
        <div class="card-actions">
          <pq-follow-button
            [memberId]="m.id"
            [name]="m.displayName"
            [followed]="followed()"
            (changed)="followed.set($event)"
          />
        </div>
      }
    </article>
  `,
  styles: `
    .member-card {
      display: flex;
      flex-direction: column;
      gap: 0.35rem;
      block-size: 100%;
    }
    .member-card p {
      margin: 0;
    }
    .skills {
      list-style: none;
      margin: 0.25rem 0 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.3rem;
    }
    .card-actions {
      margin-block-start: auto;
      padding-block-start: 0.5rem;
    }
  `,
})
export class MemberCardComponent {
  readonly member = input.required<MemberCard>();
  readonly regionName = input<string | null>(null);
  readonly isMe = input(false);
  /** Follows the API's answer; a follow or unfollow made here changes it until the next search. */
  protected readonly followed = linkedSignal(() => this.member().followed);
}
