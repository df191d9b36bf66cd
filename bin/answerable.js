#!/usr/bin/env node
// The `answerable` command. TypeScript runs through tsx, so there is no build step to remember.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
