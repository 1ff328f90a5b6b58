import { isValidEventTypeFilter, matchesEventType } from './event-type-filter';

describe('event type filters', () => {
  it('matches exact types, prefixes and everything', () => {
    expect(matchesEventType([], 'invoice.paid')).toBe(true);
    expect(matchesEventType(['invoice.paid'], 'invoice.paid')).toBe(true);
    expect(matchesEventType(['invoice.paid'], 'invoice.voided')).toBe(false);
    expect(matchesEventType(['invoice.*'], 'invoice.paid')).toBe(true);
    expect(matchesEventType(['invoice.*'], 'invoice.line.added')).toBe(true);
    expect(matchesEventType(['invoice.*'], 'invoice')).toBe(false);
    expect(matchesEventType(['invoice.*'], 'invoicing.paid')).toBe(false);
    expect(matchesEventType(['*'], 'anything')).toBe(true);
  });

  it('validates filter syntax', () => {
    for (const ok of ['a', 'invoice.paid', 'invoice.*', '*', 'a-b_c.d']) expect(isValidEventTypeFilter(ok)).toBe(true);
    for (const bad of ['', '.a', 'a.', 'a..b', 'a*', 'a.*.b', 'in voice'])
      expect(isValidEventTypeFilter(bad)).toBe(false);
  });
});
