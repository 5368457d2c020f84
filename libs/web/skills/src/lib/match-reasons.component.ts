import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { MatchReason } from '@pratique/contracts';

/**
 * Why a suggestion is made, one sentence per reason, strongest first: « 3 compétences en commun :
 * plaidoyer, budget, suivi », « Même région : Sfax », « Langue commune : arabe », « Format : à
 * distance ». Skills are the members' own words (`<bdi>`), the rest is translated.
 */
@Component({
  selector: 'pq-match-reasons',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let sep = 'skills.listSeparator' | transloco;
    <ul class="reasons" [attr.aria-label]="'skills.match.why' | transloco">
      @for (r of reasons(); track $index) {
        <li>
          @switch (r.kind) {
            @case ('skills') {
              {{
                (r.skills.length === 1 ? 'skills.reason.skillsOne' : 'skills.reason.skillsMany')
                  | transloco: { count: r.skills.length }
              }}
              @for (s of r.skills; track s; let last = $last) {
                <bdi class="skill">{{ s }}</bdi>{{ last ? '' : sep }}
              }
            }
            @case ('region') {
              {{ 'skills.reason.region' | transloco }}
              @if (regionName()(r.regionId); as name) {
                <bdi>{{ name }}</bdi>
              }
            }
            @case ('language') {
              {{
                (r.languages.length === 1 ? 'skills.reason.languageOne' : 'skills.reason.languageMany')
                  | transloco
              }}
              @for (l of r.languages; track l; let last = $last) {
                {{ 'skills.languageName.' + l | transloco }}{{ last ? '' : sep }}
              }
            }
            @case ('format') {
              {{
                (r.formats.length === 1 ? 'skills.reason.formatOne' : 'skills.reason.formatMany') | transloco
              }}
              @for (f of r.formats; track f; let last = $last) {
                {{ 'skills.formatName.' + f | transloco }}{{ last ? '' : sep }}
              }
            }
          }
        </li>
      }
    </ul>
  `,
  styles: `
    .reasons {
      margin-block: 0.4rem;
      padding-inline-start: 1.25rem;
    }
    .reasons li {
      margin-block: 0.15rem;
    }
    .skill {
      font-weight: 600;
    }
  `,
})
export class MatchReasonsComponent {
  readonly reasons = input.required<MatchReason[]>();
  /** Region id → its name (null when unknown). */
  readonly regionName = input<(id: string) => string | null>(() => null);
}
