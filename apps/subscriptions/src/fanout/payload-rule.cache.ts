import {
  compileFilter,
  compileTransformation,
  PayloadRuleError,
  type PayloadFilter,
  type Transformation,
} from '@webhooks/payload-rules';

/** What the fan-out needs to know about an endpoint's payload rules. */
export interface PayloadRuleSource {
  id: string;
  version: number;
  /** The stored filter spec (jsonb); null = none. */
  filter: unknown;
  transformation: string | null;
}

/** An endpoint's compiled rules; `invalid` when a stored rule no longer compiles (then nothing is delivered). */
export interface CompiledPayloadRules {
  filter?: PayloadFilter;
  transformation?: Transformation;
  invalid?: string;
}

const NONE: CompiledPayloadRules = {};

/**
 * Compiled filters and transformations by (endpoint id, version). Rules change only with the
 * version, so each is compiled once per change instead of once per event; an endpoint without
 * rules costs nothing. Bounded: when full it starts over (recompiling is cheap, ~1 ms at most).
 */
export class PayloadRuleCache {
  private readonly compiled = new Map<string, CompiledPayloadRules>();

  constructor(private readonly capacity = 10_000) {}

  rulesFor(source: PayloadRuleSource): CompiledPayloadRules {
    if (isAbsent(source.filter) && !source.transformation) return NONE;
    const key = `${source.id}@${source.version}`;
    let rules = this.compiled.get(key);
    if (!rules) {
      rules = compile(source);
      if (this.compiled.size >= this.capacity) this.compiled.clear();
      this.compiled.set(key, rules);
    }
    return rules;
  }
}

function isAbsent(filter: unknown): boolean {
  return filter === null || filter === undefined;
}

/**
 * Rules were validated when stored, so failing here means the library got stricter since: the
 * endpoint then receives nothing and every skipped pair says why, rather than being delivered
 * unfiltered or crashing the fan-out.
 */
function compile(source: PayloadRuleSource): CompiledPayloadRules {
  const rules: CompiledPayloadRules = {};
  try {
    if (!isAbsent(source.filter)) rules.filter = compileFilter(source.filter);
    if (source.transformation) rules.transformation = compileTransformation(source.transformation);
  } catch (error) {
    if (!(error instanceof PayloadRuleError)) throw error;
    return { invalid: `stored rule no longer valid: ${error.message}` };
  }
  return rules;
}
