// A real logger (createLogger, with its redaction) writing JSON lines into memory.
import { Writable } from "node:stream";
import { createLogger, type Logger, type LogLevel } from "../../src/logger.ts";

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface CapturedLogs {
  logger: Logger;
  /** Everything written, as written. */
  readonly raw: string;
  /** Parsed lines, oldest first. */
  readonly lines: LogLine[];
  /** Lines at or above a pino level (30 info, 40 warn, 50 error, 60 fatal). */
  atLeast(level: number): LogLine[];
  clear(): void;
}

export const INFO = 30;
export const WARN = 40;
export const ERROR = 50;

export function captureLogs(options: { level?: LogLevel; secrets?: string[] } = {}): CapturedLogs {
  let raw = "";
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      const text = chunk.toString();
      raw += text;
      for (const line of text.split("\n")) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const logger = createLogger({ level: options.level ?? "debug", secrets: options.secrets, destination });
  return {
    logger,
    get raw() {
      return raw;
    },
    lines,
    atLeast: (level) => lines.filter((line) => line.level >= level),
    clear() {
      raw = "";
      lines.length = 0;
    },
  };
}

/**
 * Log output without the fields every line has (time, pid, hostname): what a line says. A
 * check that an id never reaches the logs reads this, or a millisecond clock holding the id's
 * digits by chance («…035151» for user 5151) fails it.
 */
export function whatLogsSay(output: string): string {
  return output
    .split("\n")
    .map((line) => {
      try {
        const { time: _time, pid: _pid, hostname: _hostname, ...said } = JSON.parse(line) as Record<string, unknown>;
        return JSON.stringify(said);
      } catch {
        return line;
      }
    })
    .join("\n");
}
