import { PayloadRuleError, PayloadRuleErrorCode } from './payload-rule.exception';
import { compileSchema, SCHEMA_LIMITS } from './payload-schema';

const orderSchema = {
  type: 'object',
  required: ['id', 'customer'],
  properties: {
    id: { type: 'string', pattern: '^ord_[A-Za-z0-9]+$' },
    amount: { type: 'integer', minimum: 0 },
    customer: {
      type: 'object',
      required: ['email'],
      properties: { email: { type: 'string', format: 'email' }, 'a/b': { type: 'string' } },
      additionalProperties: false,
    },
    tags: { type: 'array', items: { type: 'string' } },
  },
};

function schemaError(schema: unknown): string {
  try {
    compileSchema(schema);
  } catch (error) {
    expect(error).toBeInstanceOf(PayloadRuleError);
    expect((error as PayloadRuleError).code).toBe(PayloadRuleErrorCode.InvalidSchema);
    return (error as PayloadRuleError).message;
  }
  throw new Error('expected compileSchema to throw');
}

describe('payload schema', () => {
  const schema = compileSchema(orderSchema);

  it('accepts a valid payload', () => {
    expect(schema.validate({ id: 'ord_1', amount: 5, customer: { email: 'ann@example.com' }, tags: [] })).toBeNull();
  });

  it('names the path and keyword of the first violation', () => {
    expect(schema.validate({ id: 'ord_1', customer: { email: 'nope' } })).toEqual({
      path: '/customer/email',
      message: 'format: must match format "email"',
    });
    expect(schema.validate({ id: 'ord_1', customer: { email: 'a@b.co' }, tags: ['x', 3] })).toEqual({
      path: '/tags/1',
      message: 'type: must be string',
    });
    expect(schema.validate({ id: 'ord_1', amount: -1, customer: { email: 'a@b.co' } })).toEqual({
      path: '/amount',
      message: 'minimum: must be >= 0',
    });
    expect(schema.validate('text')).toEqual({ path: '', message: 'type: must be object' });
  });

  it('points at a missing or extra property itself, escaped as JSON Pointer', () => {
    expect(schema.validate({ id: 'ord_1', customer: {} })).toEqual({
      path: '/customer/email',
      message: "required: must have required property 'email'",
    });
    expect(schema.validate({ id: 'ord_1', customer: { email: 'a@b.co', 'x/y': 1 } })).toEqual({
      path: '/customer/x~1y',
      message: 'additionalProperties: must NOT have additional properties',
    });
  });

  it('never throws on any payload', () => {
    expect(schema.validate(undefined)).toEqual({ path: '', message: 'type: must be object' });
    const recursive = compileSchema({
      $defs: { n: { type: 'array', items: { $ref: '#/$defs/n' } } },
      $ref: '#/$defs/n',
    });
    let deep: unknown[] = [];
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(recursive.validate(deep)?.message).toMatch(/^validation aborted: /);
  });

  it('keeps schemas of different tenants apart, even with the same or a reserved $id', () => {
    const first = compileSchema({ $id: 'https://example.com/order', type: 'string' });
    const second = compileSchema({ $id: 'https://example.com/order', type: 'number' });
    expect(first.validate('x')).toBeNull();
    expect(second.validate(1)).toBeNull();
    compileSchema({ $id: 'https://json-schema.org/draft/2020-12/schema', type: 'object' });
    expect(() => compileSchema(orderSchema)).not.toThrow();
  });

  describe('invalid schemas', () => {
    it('rejects a schema invalid against the 2020-12 meta-schema', () => {
      expect(schemaError({ type: 'objec' })).toMatch(/^schema: invalid: schema\/type must be equal to one of/);
    });

    it('rejects unknown keywords and formats (strict mode)', () => {
      expect(schemaError({ type: 'object', requried: ['id'] })).toBe(
        'schema: strict mode: unknown keyword: "requried"',
      );
      expect(schemaError({ type: 'string', format: 'emial' })).toMatch(/^schema: unknown format "emial"/);
      expect(schemaError({ properties: { a: { type: 'string' } } })).toMatch(
        /^schema: strict mode: missing type "object" for keyword "properties"/,
      );
    });

    it('never fetches remote references', () => {
      expect(schemaError({ $ref: 'https://example.com/schema.json' })).toBe(
        "schema: can't resolve reference https://example.com/schema.json from id #",
      );
    });

    it('rejects other drafts, $async and non-objects', () => {
      expect(schemaError({ $schema: 'http://json-schema.org/draft-07/schema#' })).toMatch(
        /^schema: no schema with key/,
      );
      expect(schemaError({ $async: true, type: 'object' })).toBe('schema: $async schemas are not supported');
      expect(schemaError(null)).toBe('schema: expected a JSON object');
      expect(schemaError([])).toBe('schema: expected a JSON object');
    });

    it('rejects patterns open to ReDoS', () => {
      expect(schemaError({ type: 'string', pattern: '^(a+)+$' })).toBe(
        'schema: pattern "^(a+)+$": a repeated group contains a quantifier (nested quantifiers)',
      );
      expect(schemaError({ type: 'object', patternProperties: { '^(a|ab)*$': { type: 'string' } } })).toMatch(
        /a repeated group contains an alternation$/,
      );
    });

    it('rejects a schema over the size limit', () => {
      expect(schemaError({ type: 'string', description: 'x'.repeat(SCHEMA_LIMITS.maxBytes) })).toBe(
        'schema: larger than 65536 bytes',
      );
    });
  });
});
