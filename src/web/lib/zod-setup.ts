// Zod probes `new Function` to speed up parsing; Keel's Content-Security-Policy forbids
// eval, so the probe only produces a CSP violation in the console. Turn it off. This
// module is imported first in main.tsx: schemas read the setting when they are built.
// Zod keeps its settings on `globalThis.__zod_globalConfig` (so every copy of zod shares
// them); writing there directly keeps zod itself out of the first download: forms and
// schemas load with the pages that use them. zod-setup.test.ts checks zod reads it.
const host = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
host.__zod_globalConfig ??= {};
host.__zod_globalConfig.jitless = true;
