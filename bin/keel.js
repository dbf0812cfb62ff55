#!/usr/bin/env node
// The `keel` command. Keel runs its TypeScript directly through tsx, so there is no
// separate server build step; see docs/ARCHITECTURE.md.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
