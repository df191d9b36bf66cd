import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const bin = join(import.meta.dirname, '..', 'bin', 'answerable.js');
const dataDir = mkdtempSync(join(tmpdir(), 'answerable-import-cli-'));
const microsoft = join(import.meta.dirname, '../../shared/fixtures/articles/microsoft-letter-2025-10.txt');
const arabic = join(import.meta.dirname, 'fixtures/articles/fictional-arabic-2026-04.txt');

function answerable(args: string[]) {
  const result = spawnSync(process.execPath, [bin, '--data', dataDir, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('answerable import', () => {
  it('imports a fixture article into a case, linking the names the record already holds', () => {
    expect(answerable(['demo']).status).toBe(0);
    const imported = answerable(['import', microsoft, '--case', 'microsoft-unit-8200', '--published', '2025-10-11']);
    expect(imported.stderr).toBe('');
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/^Imported "microsoft-letter-2025-10\.txt" as import [0-9a-f-]{36} \(source [0-9a-f-]{36}\), dates read against 2025-10-11\./);
    expect(imported.stdout).toMatch(/\d+ suggestions to review: \d+ organization, \d+ person, \d+ quote, \d+ event, 1 letter; \d+ already in the record/);

    const json = JSON.parse(answerable(['import', microsoft, '--case', 'microsoft-unit-8200', '--published', '2025-10-11', '--json']).stdout);
    const letter = json.suggestions.find((s: { kind: string }) => s.kind === 'letter');
    expect(letter.payload).toMatchObject({ recipient: 'Microsoft', questionCount: 7, deadline: '2025-10-10' });
    expect(json.suggestions.find((s: { kind: string; payload: { name?: string } }) => s.kind === 'organization' && s.payload.name === 'Human Rights Watch').match).not.toBeNull();
  });

  it('gives a clear message for bad input, never a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'answerable-bad-input-'));
    try {
      writeFileSync(join(dir, 'empty.txt'), '');
      writeFileSync(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
      writeFileSync(join(dir, 'huge.txt'), Buffer.alloc(20 * 1024 * 1024, 'a'));
      const cases: [string, RegExp][] = [
        ['empty.txt', /^answerable: file: is empty\n$/],
        ['image.txt', /^answerable: file: is a binary file, not text\n$/],
        ['huge.txt', /^answerable: file: is 20\.0 MB, over the 5\.0 MB limit for one article\n$/],
        ['missing.txt', /^answerable: file: .*missing\.txt not found\n$/],
      ];
      for (const [name, message] of cases) {
        const result = answerable(['import', join(dir, name), '--case', 'microsoft-unit-8200', '--published', '2025-10-11']);
        expect(result.stderr, name).toMatch(message);
        expect(result.status, name).not.toBe(0);
        expect(result.status, name).not.toBe(1);
      }
      const other = answerable(['import', arabic, '--case', 'microsoft-unit-8200']);
      expect(other.status).toBe(0);
      expect(other.stdout).toContain('0 suggestions to review.');
      expect(other.stdout).toContain('not in Latin-script English');
      expect(answerable(['import', microsoft, '--case', 'no-such-case']).stderr).toMatch(/^answerable: Case not found/);
      expect(answerable(['import', microsoft, '--case', 'microsoft-unit-8200', '--published', 'Friday']).stderr).toMatch(/published: must be a date/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
