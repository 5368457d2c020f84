import { ChangeDetectionStrategy, Component } from '@angular/core';
import { ShellComponent } from '@pratique/web/core';

@Component({
  selector: 'pq-root',
  imports: [ShellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<pq-shell />`,
})
export class AppComponent {}
