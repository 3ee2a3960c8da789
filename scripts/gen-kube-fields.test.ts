// The generated field tables and editor schemas must match what scripts/gen-kube-fields.mjs makes
// from the installed kubernetes-types today.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('./gen-kube-fields.mjs', import.meta.url));

describe('gen-kube-fields', () => {
  it('kubeFields.generated.ts and src/app/editor/schemas are up to date', () => {
    let output = '';
    try {
      execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      output = String((e as { stderr?: string }).stderr ?? e);
    }
    expect(output).toBe('');
  }, 60_000);
});
