import Ajv2020, { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PayloadRuleError, PayloadRuleErrorCode } from './payload-rule.exception';
import { unsafePatternReason } from './safe-pattern';

/** Limits on one event-type schema. */
export const SCHEMA_LIMITS = {
  /** Serialized size of the schema, UTF-8 bytes. */
  maxBytes: 64 * 1024,
} as const;

/** The first reason a payload does not satisfy its schema. */
export interface SchemaViolation {
  /** JSON Pointer of the offending value (`/customer/email`); `''` is the payload itself. */
  path: string;
  /** Ajv's message prefixed with the failing keyword: `format: must match format "email"`. */
  message: string;
}

/** A compiled event-type schema. Cache it: compiling costs about a millisecond, validating microseconds. */
export interface PayloadSchema {
  /** Null when the payload is valid; never throws. Stops at the first error (`allErrors: false`). */
  validate(payload: unknown): SchemaViolation | null;
}

/**
 * Options of every Ajv instance here. Draft 2020-12; strict mode so a typo in a keyword, a `properties`
 * without `type: "object"` or an unknown format fails at registration instead of silently validating
 * nothing. `strictRequired` stays off: `required` without a matching `properties` entry is legitimate.
 */
const STRICT = { strict: true, strictRequired: false, allowUnionTypes: true, allErrors: false } as const;

/**
 * Validates tenant schemas against the 2020-12 meta-schema, as data. It never compiles or registers a
 * tenant schema, so it cannot be poisoned (a tenant `$id` equal to the meta-schema's, or two tenants
 * sharing an `$id`). Its meta-schema is compiled lazily on first use (tens of ms, once per process).
 */
const metaValidator = new Ajv2020(STRICT);

/** Ajv's hook for compiling `pattern` and `patternProperties`: refuses patterns open to ReDoS. */
const safeRegExp = Object.assign(
  (pattern: string, flags: string): RegExp => {
    const reason = unsafePatternReason(pattern);
    if (reason !== null) throw new Error(`pattern ${JSON.stringify(pattern)}: ${reason}`);
    return new RegExp(pattern, flags);
  },
  { code: 'new RegExp' },
);

/**
 * Compiles a JSON Schema (draft 2020-12) for an event type. Throws PayloadRuleError (code
 * InvalidSchema) with Ajv's reason: invalid against the meta-schema, unknown keyword or format (strict
 * mode), unresolvable `$ref` (remote references are never fetched), unsafe pattern, `$async`, too big.
 *
 * Each schema is compiled in its own Ajv instance (with meta-schema validation done beforehand by
 * the shared validator), so schemas of different tenants never see each other's `$id`s; that costs
 * about 1 ms per compile and nothing per validation.
 */
export function compileSchema(schema: unknown): PayloadSchema {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw invalid('expected a JSON object');
  let serialized: string | undefined;
  try {
    serialized = JSON.stringify(schema);
  } catch {
    serialized = undefined;
  }
  if (serialized === undefined) throw invalid('expected a JSON object');
  if (Buffer.byteLength(serialized, 'utf8') > SCHEMA_LIMITS.maxBytes) {
    throw invalid(`larger than ${SCHEMA_LIMITS.maxBytes} bytes`);
  }

  let validate: ValidateFunction;
  try {
    if (!metaValidator.validateSchema(schema)) {
      throw new Error(`invalid: ${metaValidator.errorsText(metaValidator.errors, { dataVar: 'schema' })}`);
    }
    const ajv = new Ajv2020({
      ...STRICT,
      // Checked above by the shared validator; skipping it here keeps a fresh instance cheap.
      meta: false,
      validateSchema: false,
      addUsedSchema: false,
      code: { regExp: safeRegExp },
    });
    // "fast" formats: ajv-formats warns that some "full" format regexes can be slow on hostile input.
    addFormats(ajv, { mode: 'fast' });
    validate = ajv.compile(schema);
  } catch (error) {
    throw invalid(error instanceof Error ? error.message : String(error));
  }
  if ((validate as { $async?: unknown }).$async === true) throw invalid('$async schemas are not supported');

  return {
    validate(payload: unknown): SchemaViolation | null {
      try {
        if (validate(payload) === true) return null;
        const error = validate.errors?.[0];
        return error ? violation(error) : { path: '', message: 'invalid' };
      } catch (error) {
        // A payload nested deeper than the JS stack under a recursive schema.
        return { path: '', message: `validation aborted: ${error instanceof Error ? error.message : 'unknown error'}` };
      }
    },
  };
}

/** The pointer to the value at fault: for a missing or extra property, the property itself. */
function violation(error: ErrorObject): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  const property = [params.missingProperty, params.additionalProperty, params.unevaluatedProperty].find(
    (value): value is string => typeof value === 'string',
  );
  const path = property === undefined ? error.instancePath : `${error.instancePath}/${escapePointer(property)}`;
  return { path, message: `${error.keyword}: ${error.message ?? 'invalid'}` };
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function invalid(problem: string): PayloadRuleError {
  return new PayloadRuleError(PayloadRuleErrorCode.InvalidSchema, `schema: ${problem}`);
}
