import { MAX_PATTERN_LENGTH, unsafePatternReason } from './safe-pattern';

describe('unsafePatternReason', () => {
  it.each([
    '^[a-z]+$',
    '^\\d{4}-\\d{2}-\\d{2}$',
    '^(?:ab)+$',
    '^(foo|bar)$',
    '^[(+*)]+$',
    '^(?<year>\\d{4})$',
    'a\\(b+\\)+',
  ])('accepts %s', (pattern) => {
    expect(unsafePatternReason(pattern)).toBeNull();
  });

  it.each([
    ['(a+)+$', 'a repeated group contains a quantifier (nested quantifiers)'],
    ['^(a*)*b', 'a repeated group contains a quantifier (nested quantifiers)'],
    ['^((ab)+c)*$', 'a repeated group contains a quantifier (nested quantifiers)'],
    ['^(?:\\w+\\s?)+$', 'a repeated group contains a quantifier (nested quantifiers)'],
    ['^(a{1,3}){2,}$', 'a repeated group contains a quantifier (nested quantifiers)'],
    ['^(a|aa)+$', 'a repeated group contains an alternation'],
    ['^(a)\\1$', 'backreferences are not allowed'],
    ['^(?<x>a)\\k<x>$', 'backreferences are not allowed'],
  ])('refuses %s', (pattern, reason) => {
    expect(unsafePatternReason(pattern)).toBe(reason);
  });

  it('refuses long patterns', () => {
    expect(unsafePatternReason('a'.repeat(MAX_PATTERN_LENGTH + 1))).toBe('longer than 256 characters');
  });
});
