const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parses a human duration such as `500ms`, `5s`, `2m`, `6h` or `5d` into milliseconds.
 * Config and retry schedules are written this way so operators never guess the unit.
 */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (!match) {
    throw new Error(`"${text}" is not a duration (expected e.g. 500ms, 5s, 2m, 6h, 5d)`);
  }
  return Math.round(Number(match[1]) * UNIT_MS[match[2]]);
}

/** Formats milliseconds back into the shortest exact duration string (`30000` -> `30s`). */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    if (ms >= UNIT_MS[unit] && ms % UNIT_MS[unit] === 0) return `${ms / UNIT_MS[unit]}${unit}`;
  }
  return `${ms}ms`;
}
