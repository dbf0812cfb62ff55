import pino from "pino";

export type Logger = pino.Logger;

/** One JSON line per event; tests pass level "silent". */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "keel" }, timestamp: pino.stdTimeFunctions.isoTime });
}
