import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerExtractCommand, runExtract } from './extract.command.ts';

const microsoft = resolve(import.meta.dirname, '../../../../shared/fixtures/articles/microsoft-letter-2025-10.txt');

function captureOutput(): { stdout: () => string; stderr: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { out.push(String(chunk)); return true; });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => { err.push(String(chunk)); return true; });
  return { stdout: () => out.join(''), stderr: () => err.join('') };
}

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('answerable extract', () => {
  it('prints one JSON object with --json', async () => {
    const output = captureOutput();
    const program = new Command().exitOverride();
    registerExtractCommand(program);
    await program.parseAsync(['node', 'answerable', 'extract', microsoft, '--published', '2025-10-11', '--json']);
    const result = JSON.parse(output.stdout()) as { letters: { recipient: string; questionCount: number }[] };
    expect(result.letters[0]).toMatchObject({ recipient: 'Microsoft', questionCount: 7 });
    expect(process.exitCode).toBe(0);
  });

  it('prints a short summary without --json', async () => {
    const output = captureOutput();
    expect(await runExtract(microsoft, { published: '2025-10-11' })).toBe(0);
    expect(output.stdout()).toMatch(/^Organisations \(\d+\)/);
    expect(output.stdout()).toContain('Deborah Brown, technology and rights deputy director, Human Rights Watch');
  });

  it('prints the error on stderr and exits with the code of the error table', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'answerable-cli-')), 'empty.txt');
    writeFileSync(path, '');
    const output = captureOutput();
    expect(await runExtract(path, { published: '2025-10-11' })).toBe(2);
    expect(output.stderr()).toBe('answerable extract: file: is empty\n');
    expect(output.stdout()).toBe('');
    expect(await runExtract(microsoft, { published: 'yesterday' })).toBe(2);
    expect(await runExtract('/nonexistent/article.txt', { published: '2025-10-11' })).toBe(4);
  });
});
