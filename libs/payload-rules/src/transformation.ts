import jsonata from 'jsonata';
import { BoundedJsonError, boundedJsonBytes } from './bounded-json';
import { PayloadRuleError, PayloadRuleErrorCode } from './payload-rule.exception';

/**
 * Limits on one transformation. It runs once per event × endpoint at fan-out on the shared
 * subscriptions process, so a tenant's expression must not be able to hold the event loop or the heap.
 */
export const TRANSFORMATION_LIMITS = {
  /** Length of the expression text, UTF-16 units. */
  maxExpressionLength: 4 * 1024,
  /** Wall-clock budget of one evaluation, checked by JSONata at every step. */
  timeBudgetMs: 50,
  /** Evaluation depth (JSONata's `stack` option): non-tail recursion stops here. */
  maxEvaluationDepth: 300,
  /** Length of any sequence or array the expression builds, including `[a..b]` ranges (checked before allocating). */
  maxSequenceLength: 100_000,
  /** Length of any intermediate string. */
  maxStringLength: 1024 * 1024,
  /** Serialized result, UTF-8 bytes. */
  maxResultBytes: 256 * 1024,
  /** Nesting of the result. */
  maxResultDepth: 256,
} as const;

/** A compiled transformation. Safe to share: `apply` keeps no state between calls. */
export interface Transformation {
  readonly expression: string;
  /**
   * The JSON bytes of the expression's result on this payload. Rejects with PayloadRuleError
   * (code TransformationFailed) on a runtime error, an exceeded budget, an undefined result or a result
   * JSON cannot carry; never with anything else.
   */
  apply(payload: unknown): Promise<Buffer>;
}

/** JSONata's runtime looks its evaluation hooks up under these symbols (2.x; the 1.x string names no longer fire). */
const EVALUATE_EXIT = Symbol.for('jsonata.__evaluate_exit');

/** Built-ins a tenant expression may not use, with the reason given in the error. */
const FORBIDDEN_FUNCTIONS: Readonly<Record<string, string>> = {
  // Would evaluate text taken from the payload as an expression: the event producer could then
  // inject code into the endpoint owner's transformation, and no compile-time check sees it.
  eval: '$eval is not allowed',
};

/** What this lib throws from inside an evaluation (a limit or a forbidden construct); JSONata passes it through. */
class EvaluationRefused extends Error {}

/** A thrown JSONata error: a plain object, not an Error. */
interface JsonataFailure {
  code?: string;
  message?: string;
  position?: number;
  token?: string;
}

/**
 * Compiles a JSONata expression (see docs/filters-and-transformations.md). Throws PayloadRuleError
 * (code InvalidTransformation) naming the position of a syntax error, a regular expression or a
 * forbidden function.
 */
export function compileTransformation(expression: string): Transformation {
  if (typeof expression !== 'string' || expression.trim() === '') {
    throw invalid('expected a non-empty JSONata expression');
  }
  if (expression.length > TRANSFORMATION_LIMITS.maxExpressionLength) {
    throw invalid(`longer than ${TRANSFORMATION_LIMITS.maxExpressionLength} characters`);
  }
  let compiled: jsonata.Expression;
  try {
    compiled = jsonata(expression, {
      timeout: TRANSFORMATION_LIMITS.timeBudgetMs,
      stack: TRANSFORMATION_LIMITS.maxEvaluationDepth,
      sequence: TRANSFORMATION_LIMITS.maxSequenceLength,
      RegexEngine: ForbiddenRegExp as unknown as RegExpConstructor,
    });
  } catch (error) {
    const failure = error as JsonataFailure;
    throw invalid(`syntax error at position ${failure.position ?? 0}: ${failure.message ?? 'unparsable'}`);
  }
  rejectForbiddenConstructs(compiled.ast());

  for (const [name, reason] of Object.entries(FORBIDDEN_FUNCTIONS)) {
    // Belt and braces: the AST check already refuses these names.
    compiled.registerFunction(name, () => {
      throw new EvaluationRefused(reason);
    });
  }
  // The `timeout`, `stack` and `sequence` options bound time, depth and sequence length. Strings and
  // arrays made by built-ins ($pad, &, $split, $replace) are bounded here, after each step: V8 builds
  // such strings as ropes, so the check comes before anything flattens them. The hook keeps no state,
  // so concurrent evaluations of one compiled expression cannot disturb each other.
  compiled.assign(EVALUATE_EXIT as unknown as string, boundIntermediate);

  return {
    expression,
    async apply(payload: unknown): Promise<Buffer> {
      let result: unknown;
      try {
        result = await compiled.evaluate(payload);
      } catch (error) {
        throw failed(describeRuntimeFailure(error));
      }
      try {
        return boundedJsonBytes(result, {
          maxBytes: TRANSFORMATION_LIMITS.maxResultBytes,
          maxDepth: TRANSFORMATION_LIMITS.maxResultDepth,
        });
      } catch (error) {
        throw failed(error instanceof BoundedJsonError ? error.message : 'result is not serialisable as JSON');
      }
    },
  };
}

/** `__evaluate_exit` hook: refuses an intermediate string or array beyond the limits. */
function boundIntermediate(_node: unknown, _input: unknown, _environment: unknown, result: unknown): void {
  if (typeof result === 'string' && result.length > TRANSFORMATION_LIMITS.maxStringLength) {
    throw new EvaluationRefused(`string longer than ${TRANSFORMATION_LIMITS.maxStringLength} characters`);
  }
  if (Array.isArray(result) && result.length > TRANSFORMATION_LIMITS.maxSequenceLength) {
    throw new EvaluationRefused(`array longer than ${TRANSFORMATION_LIMITS.maxSequenceLength} items`);
  }
}

/**
 * Regular expressions are refused at compile time: a tenant pattern on a tenant payload can backtrack
 * for minutes (ReDoS) inside one native call that no JSONata hook can interrupt. This engine only
 * catches what the AST walk could not see.
 */
class ForbiddenRegExp {
  constructor() {
    throw new EvaluationRefused('regular expressions are not allowed');
  }
}

/** Walks the AST for regex literals and references to forbidden built-ins. */
function rejectForbiddenConstructs(ast: unknown): void {
  const stack: unknown[] = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      stack.push(...(node as unknown[]));
      continue;
    }
    if (typeof node !== 'object' || node === null) continue;
    const record = node as Record<string, unknown>;
    const at = typeof record.position === 'number' ? ` (position ${record.position})` : '';
    if (record.type === 'regex') throw invalid(`regular expressions are not allowed${at}`);
    if (record.type === 'variable' && typeof record.value === 'string' && record.value in FORBIDDEN_FUNCTIONS) {
      throw invalid(`${FORBIDDEN_FUNCTIONS[record.value]}${at}`);
    }
    for (const [key, child] of Object.entries(record)) {
      // `value` of a regex node is a RegExp, of others a scalar; the tree itself hangs off the other keys.
      if (key !== 'value' && typeof child === 'object' && child !== null) stack.push(child);
    }
  }
}

/** A short, log-safe description of why an evaluation failed. */
function describeRuntimeFailure(error: unknown): string {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as JsonataFailure;
  switch (failure.code ?? '') {
    case 'D1012':
      return `exceeded the ${TRANSFORMATION_LIMITS.timeBudgetMs} ms time budget`;
    case 'D1011':
      return `exceeded the evaluation depth of ${TRANSFORMATION_LIMITS.maxEvaluationDepth} (runaway recursion?)`;
    case 'D2014':
    case 'D2015':
      return `sequence longer than ${TRANSFORMATION_LIMITS.maxSequenceLength} items`;
  }
  const message = typeof failure.message === 'string' && failure.message !== '' ? failure.message : String(error);
  const where = typeof failure.position === 'number' ? ` at position ${failure.position}` : '';
  const code = typeof failure.code === 'string' && /^[A-Z]\d{4}$/.test(failure.code) ? ` (${failure.code})` : '';
  // $error() lets the expression choose its message; keep the log line short whatever it is.
  return truncate(`${message}${code}${where}`, 300);
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function invalid(problem: string): PayloadRuleError {
  return new PayloadRuleError(PayloadRuleErrorCode.InvalidTransformation, `transformation: ${problem}`);
}

function failed(problem: string): PayloadRuleError {
  return new PayloadRuleError(PayloadRuleErrorCode.TransformationFailed, `transformation: ${problem}`);
}
