#!/usr/bin/env node
// Run by `npm install` (the prepare script): bundles the TypeScript sources into one ES module, so
// that `npm start` loads plain JavaScript instead of compiling some two hundred files on every start.
// bin/answerable.js uses the bundle only while it is newer than every source file.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outdir: 'dist',
  entryNames: 'answerable',
  outExtension: { '.js': '.mjs' },
  // Modules loaded with import() become chunks of their own, loaded (with their libraries) on first use.
  splitting: true,
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  sourcemap: 'linked',
  logLevel: 'warning',
});
