import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', 'bin', 'answerable.js');
const dataDir = mkdtempSync(join(tmpdir(), 'answerable-letters-cli-'));

function answerable(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, '--data', dataDir, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('letters on the command line, at a chosen moment (ANSWERABLE_NOW)', () => {
  it('shows the demo letter overdue and the promise past due on 3 November 2025, and runs the jobs', () => {
    expect(answerable(['demo']).status).toBe(0);
    const at = { ANSWERABLE_NOW: '2025-11-03T12:00:00Z' };
    const scorecard = answerable(['scorecard', 'Microsoft'], at);
    expect(scorecard.stderr).toBe('');
    const parsed = JSON.parse(scorecard.stdout);
    expect(parsed).toMatchObject({ company: { name: 'Microsoft' }, lettersReceived: 1, lettersPastDeadline: 1, responseRate: 0, pastDueCommitments: 1 });
    const status = answerable(['letter', 'status', parsed.letters[0].id], at);
    expect(status.stdout).toContain('No response: overdue by 24 days, since 2025-10-10');
    const jobs = answerable(['jobs', 'run', '--sweep'], at);
    expect(jobs.status).toBe(0);
    expect(jobs.stdout).toContain('1 follow-ups created');
    expect(answerable(['jobs', 'run', '--sweep'], at).stdout).toContain('0 follow-ups created');
    expect(answerable(['scorecard', 'Nobody Inc'], at).status).toBe(4);
    const invalid = answerable(['scorecard', 'Microsoft'], { ANSWERABLE_NOW: 'yesterday' });
    expect(invalid.status).not.toBe(0);
    expect(invalid.stderr).toContain('ANSWERABLE_NOW');
  });
});
