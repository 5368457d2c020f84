/**
 * Runs ESLint over the workspace: the Nx module-boundary rule keeps web code from importing
 * server code (and the reverse), and flags circular dependencies between projects.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';

interface EslintMessage {
  ruleId: string | null;
  severity: number;
  message: string;
  line: number;
}

describe('workspace lint', () => {
  it('has no ESLint error (module boundaries included)', () => {
    const root = join(__dirname, '../..');
    let output: string;
    try {
      output = execFileSync(
        process.execPath,
        [
          join(root, 'node_modules/eslint/bin/eslint.js'),
          '--format',
          'json',
          'apps',
          'libs',
          'tools',
          'migrations',
        ],
        {
          cwd: root,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          env: { ...process.env, NX_DAEMON: 'false' },
        },
      );
    } catch (err) {
      output = (err as { stdout: string }).stdout;
    }
    const results: { filePath: string; messages: EslintMessage[] }[] = JSON.parse(output);
    const errors = results.flatMap((r) =>
      r.messages
        .filter((m) => m.severity === 2)
        .map((m) => `${r.filePath.replace(root, '')}:${m.line} ${m.ruleId} ${m.message}`),
    );
    expect(errors).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  }, 120_000);
});
