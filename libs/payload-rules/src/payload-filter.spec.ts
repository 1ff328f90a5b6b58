import { compileFilter, FILTER_LIMITS, parseFilter } from './payload-filter';
import { PayloadRuleError, PayloadRuleErrorCode } from './payload-rule.exception';

const payload = {
  type: 'invoice.paid',
  data: {
    amount: 1500,
    currency: 'EUR',
    paidAt: '2024-05-01T10:00:00Z',
    note: null,
    customer: { tier: 'gold', email: 'ann@example.com', tags: ['vip', 'beta'] },
    items: [
      { sku: 'A-1', qty: 2 },
      { sku: 'B-2', qty: 1 },
    ],
  },
};

const matches = (spec: unknown, body: unknown = payload) => compileFilter(spec).matches(body);

function errorOf(spec: unknown): PayloadRuleError {
  try {
    compileFilter(spec);
  } catch (error) {
    expect(error).toBeInstanceOf(PayloadRuleError);
    expect((error as PayloadRuleError).code).toBe(PayloadRuleErrorCode.InvalidFilter);
    return error as PayloadRuleError;
  }
  throw new Error('expected compileFilter to throw');
}

describe('payload filter', () => {
  describe('paths', () => {
    it('matches an empty filter against anything', () => {
      expect(matches({})).toBe(true);
      expect(matches({}, 'not an object')).toBe(true);
    });

    it('reads dot paths, nested objects and array indexes alike', () => {
      expect(matches({ 'data.customer.tier': 'gold' })).toBe(true);
      expect(matches({ data: { customer: { tier: 'gold' } } })).toBe(true);
      expect(matches({ 'data.items.1.sku': 'B-2' })).toBe(true);
      expect(matches({ data: { 'items.0': { qty: 2 } } })).toBe(true);
      expect(matches({ 'data.items.2.sku': 'B-2' })).toBe(false);
      expect(matches({ 'data.items.01.sku': 'B-2' })).toBe(false);
    });

    it('treats a missing path as not equal, and a step into a scalar as missing', () => {
      expect(matches({ 'data.missing': 'x' })).toBe(false);
      expect(matches({ 'data.amount.value': 1500 })).toBe(false);
      expect(matches({ 'data.customer.tier': 'gold' }, null)).toBe(false);
      expect(matches({ 'data.customer.tier': 'gold' }, [1, 2])).toBe(false);
    });

    it('never reads through the prototype', () => {
      expect(matches({ 'data.constructor': { $exists: true } })).toBe(false);
      expect(matches({ 'data.__proto__': { $exists: true } })).toBe(false);
      expect(matches({ 'data.amount.toFixed': { $exists: true } })).toBe(false);
    });

    it('matches null as a value that exists', () => {
      expect(matches({ 'data.note': null })).toBe(true);
      expect(matches({ 'data.note': { $exists: true } })).toBe(true);
      expect(matches({ 'data.missing': null })).toBe(false);
    });

    it('never throws on a hostile payload', () => {
      const hostile = {
        get data(): unknown {
          throw new Error('boom');
        },
      };
      expect(matches({ 'data.amount': 1 }, hostile)).toBe(false);
      expect(matches({ 'data.amount': 1 }, undefined)).toBe(false);
    });
  });

  describe('operators', () => {
    it('$eq compares deeply and strictly by type', () => {
      expect(matches({ 'data.amount': { $eq: 1500 } })).toBe(true);
      expect(matches({ 'data.amount': { $eq: '1500' } })).toBe(false);
      expect(matches({ 'data.customer.tags': { $eq: ['vip', 'beta'] } })).toBe(true);
      expect(matches({ 'data.customer.tags': ['beta', 'vip'] })).toBe(false);
      expect(matches({ 'data.items.0': { $eq: { qty: 2, sku: 'A-1' } } })).toBe(true);
      expect(matches({ 'data.items.0': { $eq: { sku: 'A-1' } } })).toBe(false);
    });

    it('$neq is the negation of $eq, so a missing field matches', () => {
      expect(matches({ 'data.currency': { $neq: 'USD' } })).toBe(true);
      expect(matches({ 'data.currency': { $neq: 'EUR' } })).toBe(false);
      expect(matches({ 'data.missing': { $neq: 'EUR' } })).toBe(true);
    });

    it('$gt $gte $lt $lte compare numbers with numbers and strings with strings', () => {
      expect(matches({ 'data.amount': { $gt: 1000, $lte: 1500 } })).toBe(true);
      expect(matches({ 'data.amount': { $gte: 1500 } })).toBe(true);
      expect(matches({ 'data.amount': { $lt: 1500 } })).toBe(false);
      expect(matches({ 'data.paidAt': { $gte: '2024-01-01', $lt: '2025-01-01' } })).toBe(true);
      // Type mismatch and missing fields never match, in either direction.
      expect(matches({ 'data.amount': { $gt: '1000' } })).toBe(false);
      expect(matches({ 'data.amount': { $lt: '9' } })).toBe(false);
      expect(matches({ 'data.missing': { $lt: 1 } })).toBe(false);
      expect(matches({ 'data.note': { $lt: 1 } })).toBe(false);
    });

    it('$in and $nin test membership; $nin matches a missing field', () => {
      expect(matches({ 'data.currency': { $in: ['USD', 'EUR'] } })).toBe(true);
      expect(matches({ 'data.currency': { $in: ['USD'] } })).toBe(false);
      expect(matches({ 'data.amount': { $in: ['1500'] } })).toBe(false);
      expect(matches({ 'data.missing': { $in: [null] } })).toBe(false);
      expect(matches({ 'data.currency': { $nin: ['USD'] } })).toBe(true);
      expect(matches({ 'data.currency': { $nin: ['EUR'] } })).toBe(false);
      expect(matches({ 'data.missing': { $nin: ['EUR'] } })).toBe(true);
    });

    it('$exists tells present (even null) from missing', () => {
      expect(matches({ 'data.amount': { $exists: true } })).toBe(true);
      expect(matches({ 'data.missing': { $exists: false } })).toBe(true);
      expect(matches({ 'data.amount': { $exists: false } })).toBe(false);
    });

    it('$contains finds a substring in a string or an element in an array', () => {
      expect(matches({ 'data.customer.email': { $contains: '@example.' } })).toBe(true);
      expect(matches({ 'data.customer.tags': { $contains: 'vip' } })).toBe(true);
      expect(matches({ 'data.items': { $contains: { sku: 'B-2', qty: 1 } } })).toBe(true);
      expect(matches({ 'data.customer.tags': { $contains: 'vi' } })).toBe(false);
      expect(matches({ 'data.amount': { $contains: '15' } })).toBe(false);
      expect(matches({ 'data.missing': { $contains: 'x' } })).toBe(false);
    });

    it('$startsWith and $endsWith apply to strings only, case-sensitively', () => {
      expect(matches({ type: { $startsWith: 'invoice.' } })).toBe(true);
      expect(matches({ type: { $endsWith: '.paid' } })).toBe(true);
      expect(matches({ type: { $startsWith: 'Invoice.' } })).toBe(false);
      expect(matches({ 'data.amount': { $startsWith: '1' } })).toBe(false);
      expect(matches({ 'data.missing': { $endsWith: '' } })).toBe(false);
    });

    it('$elemMatch applies a filter to each array element', () => {
      expect(matches({ 'data.items': { $elemMatch: { sku: 'B-2', qty: { $lt: 2 } } } })).toBe(true);
      expect(matches({ 'data.items': { $elemMatch: { sku: 'A-1', qty: { $lt: 2 } } } })).toBe(false);
      expect(matches({ 'data.customer': { $elemMatch: { tier: 'gold' } } })).toBe(false);
    });

    it('$not on a field negates its operators or a literal', () => {
      expect(matches({ 'data.amount': { $not: { $gt: 2000 } } })).toBe(true);
      expect(matches({ 'data.currency': { $not: 'EUR' } })).toBe(false);
    });
  });

  describe('logic', () => {
    it('ANDs the keys of one object', () => {
      expect(matches({ type: 'invoice.paid', 'data.currency': 'EUR' })).toBe(true);
      expect(matches({ type: 'invoice.paid', 'data.currency': 'USD' })).toBe(false);
    });

    it('nests $and, $or and $not', () => {
      const spec = {
        $or: [
          { 'data.customer.tier': 'platinum' },
          { $and: [{ 'data.amount': { $gte: 1000 } }, { $not: { 'data.currency': 'USD' } }] },
        ],
      };
      expect(matches(spec)).toBe(true);
      expect(matches(spec, { data: { amount: 1000, currency: 'USD' } })).toBe(false);
      expect(matches(spec, { data: { customer: { tier: 'platinum' } } })).toBe(true);
    });

    it('counts clauses', () => {
      expect(compileFilter({ a: 1, b: { $gt: 1, $lt: 3 }, $or: [{ c: 1 }, { d: 2 }] }).clauses).toBe(5);
    });
  });

  describe('invalid filters name the path', () => {
    it.each<[unknown, string]>([
      [null, 'filter: expected an object'],
      [[{ a: 1 }], 'filter: expected an object'],
      [{ 'data.amount': { $gte: true } }, 'filter.data.amount.$gte: expected a number or string'],
      [{ data: { amount: { $gte: [] } } }, 'filter.data.amount.$gte: expected a number or string'],
      [{ 'data.amount': { $regex: 'x' } }, 'filter.data.amount.$regex: unknown operator'],
      [{ $foo: 1 }, 'filter.$foo: unknown operator'],
      [{ $eq: 1 }, 'filter.$eq: operator needs a field path before it'],
      [{ $and: [] }, 'filter.$and: expected a non-empty array of filters'],
      [{ $or: [{ a: 1 }, 'x'] }, 'filter.$or[1]: expected an object'],
      [{ $or: [{ a: { $in: 'x' } }] }, 'filter.$or[0].a.$in: expected a non-empty array'],
      [{ a: { $in: [1, [undefined]] } }, 'filter.a.$in[1]: expected a JSON value'],
      [{ a: { $exists: 'yes' } }, 'filter.a.$exists: expected true or false'],
      [{ a: { $startsWith: 1 } }, 'filter.a.$startsWith: expected a string'],
      [{ a: { $gt: 1, b: 2 } }, 'filter.a: mixes operators and field names'],
      [{ a: {} }, 'filter.a: empty object (use $exists, or $eq to compare with {})'],
      [{ 'a..b': 1 }, 'filter.a..b: empty path segment'],
      [{ a: { $or: [{ b: 1 }] } }, 'filter.a.$or: not allowed on a field (use it at filter level)'],
      [{ a: { $not: { b: 1 } } }, 'filter.a.$not: expected an operator object or a literal'],
      [{ a: { $eq: Number.NaN } }, 'filter.a.$eq: expected a JSON value'],
      [{ a: { $elemMatch: { b: { $lt: null } } } }, 'filter.a.$elemMatch.b.$lt: expected a number or string'],
    ])('%j', (spec, message) => {
      expect(errorOf(spec).message).toBe(message);
    });

    it('rejects what is not JSON', () => {
      const cyclic: Record<string, unknown> = {};
      cyclic.self = cyclic;
      expect(errorOf(cyclic).message).toBe('filter: expected a JSON object');
      expect(errorOf(undefined).message).toBe('filter: expected a JSON object');
    });
  });

  describe('limits', () => {
    it('rejects a filter larger than the byte limit', () => {
      expect(errorOf({ a: { $eq: 'x'.repeat(FILTER_LIMITS.maxBytes) } }).message).toBe(
        'filter: larger than 8192 bytes',
      );
    });

    it('rejects more clauses than the limit', () => {
      const spec = Object.fromEntries(Array.from({ length: FILTER_LIMITS.maxClauses + 1 }, (_, i) => [`f${i}`, i]));
      expect(errorOf(spec).message).toBe('filter.f64: more than 64 clauses');
    });

    it('rejects nesting deeper than the limit', () => {
      let spec: unknown = { a: 1 };
      for (let i = 0; i < FILTER_LIMITS.maxDepth; i++) spec = { $not: spec };
      expect(() => compileFilter(spec)).not.toThrow();
      expect(errorOf({ $not: spec }).message).toBe(`filter${'.$not'.repeat(9)}: nested deeper than 8`);
    });

    it('rejects long paths and long $in lists', () => {
      expect(errorOf({ [Array(17).fill('a').join('.')]: 1 }).message).toMatch(/path longer than 16 segments$/);
      expect(errorOf({ a: { $in: Array.from({ length: 129 }, (_, i) => i) } }).message).toBe(
        'filter.a.$in: more than 128 values',
      );
    });
  });

  describe('parseFilter', () => {
    it('parses JSON text', () => {
      expect(parseFilter('{"data.amount":{"$gt":1000}}').matches(payload)).toBe(true);
    });

    it('rejects invalid JSON and oversized text before parsing', () => {
      expect(() => parseFilter('{"a":')).toThrow(/^filter: invalid JSON/);
      expect(() => parseFilter(' '.repeat(FILTER_LIMITS.maxBytes + 1))).toThrow('filter: larger than 8192 bytes');
    });
  });
});
