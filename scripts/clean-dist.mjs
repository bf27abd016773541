#!/usr/bin/env node
// Empties dist/ before a build. tsup builds the entries of tsup.config.ts in parallel, so its own
// `clean` (run by one of them) could remove files another has already written.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
