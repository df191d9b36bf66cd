import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layering rule: domain modules never reach into the adapters that call them. */
const root = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('architecture', () => {
  it('keeps modules/ free of imports from web/ and cli/', () => {
    const offenders = sourceFiles(join(root, 'modules')).filter((file) => /from ['"](\.\.\/)+(web|cli)\//.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it('reads the environment only in config.ts', () => {
    const offenders = sourceFiles(root).filter((file) => !file.endsWith('.test.ts') && !file.endsWith('config.ts') && /process\.env/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });

  it('keeps framework types out of services', () => {
    const offenders = sourceFiles(join(root, 'modules')).filter((file) => /\.service\.ts$/.test(file) && /from ['"]hono/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });
});
