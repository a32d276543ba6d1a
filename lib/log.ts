/** Levels of the structured log, least to most severe. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A structured logger: one JSON object a line, which CloudWatch Logs Insights can query by field. */
export type Log = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

/** Logs at `min` and above as JSON lines to `write` (stdout by default, which Lambda sends to CloudWatch). */
export function jsonLog(
  min: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Log {
  const floor = LOG_LEVELS.indexOf(min);
  return (level, message, fields = {}) => {
    if (LOG_LEVELS.indexOf(level) < floor) return;
    write(JSON.stringify({ level, message, ...fields }));
  };
}
