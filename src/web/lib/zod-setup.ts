import { z } from "zod";

// Zod probes `new Function` to speed up parsing; Keel's Content-Security-Policy forbids
// eval, so the probe only produces a CSP violation in the console. Turn it off. This
// module is imported first in main.tsx: schemas read the setting when they are built.
z.config({ jitless: true });
