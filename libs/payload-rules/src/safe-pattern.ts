/** Longest `pattern` / `patternProperties` key a schema may use. */
export const MAX_PATTERN_LENGTH = 256;

/**
 * Why a regular expression is refused, or null when it is accepted. JavaScript regexes backtrack, so
 * a pattern such as `(a+)+$` takes exponential time on a short hostile string, inside one native call
 * that nothing can interrupt (ReDoS). Without a linear-time engine at hand, the rule is the classic
 * conservative one, "star height 1": a repeated group (`*`, `+`, `{…}` after `)`) may contain neither
 * a quantifier nor an alternation, and backreferences are refused. It rejects some harmless patterns
 * (`(ab|cd)+`); it accepts polynomial ones (`\d+\d+$`), which a `maxLength` next to the pattern bounds.
 */
export function unsafePatternReason(pattern: string): string | null {
  if (pattern.length > MAX_PATTERN_LENGTH) return `longer than ${MAX_PATTERN_LENGTH} characters`;
  // Per open group: whether it contains a quantifier or an alternation so far.
  const groups: { quantified: boolean; alternation: boolean }[] = [{ quantified: false, alternation: false }];
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    const current = groups[groups.length - 1];
    if (char === '\\') {
      const next = pattern[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'backreferences are not allowed';
      i += 2;
    } else if (char === '[') {
      // A character class: quantifier characters inside it are literals.
      i += 1;
      while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
      i += 1;
    } else if (char === '(') {
      groups.push({ quantified: false, alternation: false });
      i += 1;
      if (pattern[i] === '?') {
        // (?:  (?=  (?!  (?<=  (?<!  (?<name>
        i += 1;
        if (pattern[i] === '<' && pattern[i + 1] !== '=' && pattern[i + 1] !== '!') {
          while (i < pattern.length && pattern[i] !== '>') i += 1;
        }
        i += 1;
      }
    } else if (char === ')') {
      const group = groups.length > 1 ? groups.pop() : undefined;
      i += 1;
      const repeated = pattern[i] === '*' || pattern[i] === '+' || pattern[i] === '{';
      if (group && repeated && group.quantified) return 'a repeated group contains a quantifier (nested quantifiers)';
      if (group && repeated && group.alternation) return 'a repeated group contains an alternation';
      const parent = groups[groups.length - 1];
      parent.quantified ||= repeated || (group?.quantified ?? false);
      parent.alternation ||= group?.alternation ?? false;
    } else {
      if (char === '*' || char === '+' || char === '?' || char === '{') current.quantified = true;
      if (char === '|') current.alternation = true;
      i += 1;
    }
  }
  return null;
}
