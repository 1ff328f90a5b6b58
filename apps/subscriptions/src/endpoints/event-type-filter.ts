const EVENT_TYPE_FILTER = /^([A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*(\.\*)?|\*)$/;

/** Whether a subscription entry is well formed: `invoice.paid`, `invoice.*` or `*`. */
export function isValidEventTypeFilter(filter: string): boolean {
  return filter.length <= 128 && EVENT_TYPE_FILTER.test(filter);
}

/**
 * Whether an endpoint subscribed to `filters` receives `eventType`. No filters means every
 * type; `invoice.*` matches any type under `invoice.` (at any depth) but not `invoice` itself.
 */
export function matchesEventType(filters: readonly string[], eventType: string): boolean {
  if (filters.length === 0) return true;
  return filters.some(
    (filter) =>
      filter === '*' || filter === eventType || (filter.endsWith('.*') && eventType.startsWith(filter.slice(0, -1))),
  );
}
