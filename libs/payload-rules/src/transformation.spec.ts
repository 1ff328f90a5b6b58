import { PayloadRuleError, PayloadRuleErrorCode } from './payload-rule.exception';
import { compileTransformation, TRANSFORMATION_LIMITS } from './transformation';

const payload = {
  type: 'order.created',
  data: {
    id: 'ord_1',
    customer: { first: 'Ann', last: 'Lee', email: 'ann@example.com' },
    items: [
      { sku: 'A-1', qty: 2, price: 5 },
      { sku: 'B-2', qty: 1, price: 20 },
    ],
  },
};

async function run(expression: string, body: unknown = payload): Promise<unknown> {
  const bytes = await compileTransformation(expression).apply(body);
  return JSON.parse(bytes.toString('utf8'));
}

async function failure(expression: string, body: unknown = payload): Promise<PayloadRuleError> {
  const transformation = compileTransformation(expression);
  try {
    await transformation.apply(body);
  } catch (error) {
    expect(error).toBeInstanceOf(PayloadRuleError);
    expect((error as PayloadRuleError).code).toBe(PayloadRuleErrorCode.TransformationFailed);
    return error as PayloadRuleError;
  }
  throw new Error('expected apply to reject');
}

function compileError(expression: string): PayloadRuleError {
  try {
    compileTransformation(expression);
  } catch (error) {
    expect(error).toBeInstanceOf(PayloadRuleError);
    expect((error as PayloadRuleError).code).toBe(PayloadRuleErrorCode.InvalidTransformation);
    return error as PayloadRuleError;
  }
  throw new Error('expected compileTransformation to throw');
}

describe('transformation', () => {
  it('reshapes a payload', async () => {
    const expression = `{
      "orderId": data.id,
      "name": data.customer.first & " " & data.customer.last,
      "total": $sum(data.items.(qty * price)),
      "skus": [data.items.sku]
    }`;
    expect(await run(expression)).toEqual({ orderId: 'ord_1', name: 'Ann Lee', total: 30, skus: ['A-1', 'B-2'] });
  });

  it('returns exactly the JSON bytes of the result', async () => {
    const bytes = await compileTransformation('{"a": "ü", "b": [1, true, null]}').apply({});
    expect(bytes.toString('utf8')).toBe('{"a":"ü","b":[1,true,null]}');
  });

  it('passes the payload through with $ and keeps arrays as arrays', async () => {
    expect(await run('$')).toEqual(payload);
    expect(await run('$', [1, 2])).toEqual([1, 2]);
  });

  it('can be applied concurrently', async () => {
    const transformation = compileTransformation('data.id');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => transformation.apply({ data: { id: `ord_${i}` } })),
    );
    expect(results.map((bytes) => JSON.parse(bytes.toString('utf8')) as unknown)).toEqual(
      Array.from({ length: 20 }, (_, i) => `ord_${i}`),
    );
  });

  describe('compile errors', () => {
    it('names the position of a syntax error', () => {
      expect(compileError('{ "a": data.id + }').message).toBe(
        'transformation: syntax error at position 18: The symbol "}" cannot be used as a unary operator',
      );
    });

    it('rejects an empty or too long expression', () => {
      expect(compileError('  ').message).toBe('transformation: expected a non-empty JSONata expression');
      expect(compileError(`"${'x'.repeat(TRANSFORMATION_LIMITS.maxExpressionLength)}"`).message).toBe(
        'transformation: longer than 4096 characters',
      );
    });

    it('rejects regular expressions (ReDoS) and $eval (code from the payload)', () => {
      expect(compileError('$match(data.id, /(a+)+$/)').message).toBe(
        'transformation: regular expressions are not allowed (position 24)',
      );
      expect(compileError('$eval(data.code)').message).toBe('transformation: $eval is not allowed (position 5)');
      expect(compileError('($f := $eval; $f("1"))').message).toMatch(/^transformation: \$eval is not allowed/);
    });
  });

  describe('runtime failures', () => {
    it('rejects an undefined result', async () => {
      expect((await failure('data.missing')).message).toBe(
        'transformation: result is undefined (the expression matched nothing)',
      );
    });

    it('rejects results JSON cannot carry', async () => {
      expect((await failure('function($x){ $x }')).message).toBe('transformation: result contains a function');
      expect((await failure('{ "f": $sum }')).message).toBe('transformation: result contains a function');
    });

    it('reports a runtime error with its code and position', async () => {
      expect((await failure('data.id + 1')).message).toMatch(/^transformation: .*\(T2001\) at position 9$/);
      expect((await failure('$error("no customer")')).message).toMatch(/^transformation: no customer/);
    });

    it('stops infinite tail recursion within about the time budget', async () => {
      const started = Date.now();
      const error = await failure('(function($x){$x($x)})(function($x){$x($x)})');
      expect(error.message).toBe('transformation: exceeded the 50 ms time budget');
      expect(Date.now() - started).toBeLessThan(TRANSFORMATION_LIMITS.timeBudgetMs * 5);
    });

    it('stops deep non-tail recursion at the depth limit', async () => {
      const error = await failure('($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100000))');
      expect(error.message).toBe('transformation: exceeded the evaluation depth of 300 (runaway recursion?)');
    });

    it('refuses a huge range before allocating it, and a huge product of ranges', async () => {
      let started = Date.now();
      expect((await failure('[1..10000000]')).message).toBe('transformation: sequence longer than 100000 items');
      expect(Date.now() - started).toBeLessThan(TRANSFORMATION_LIMITS.timeBudgetMs);
      started = Date.now();
      expect((await failure('$count([1..100000].([1..100000]))')).message).toMatch(
        /^transformation: (sequence longer than 100000 items|exceeded the 50 ms time budget)$/,
      );
      expect(Date.now() - started).toBeLessThan(TRANSFORMATION_LIMITS.timeBudgetMs * 5);
    });

    it('stops a long loop within about the time budget', async () => {
      const started = Date.now();
      const error = await failure('$reduce([1..100000], function($a, $b){ $a + $count([1..$b % 1000]) }, 0)');
      expect(error.message).toBe('transformation: exceeded the 50 ms time budget');
      expect(Date.now() - started).toBeLessThan(TRANSFORMATION_LIMITS.timeBudgetMs * 5);
    });

    it('bounds intermediate strings made by built-ins', async () => {
      expect((await failure('$pad("x", 400000000)')).message).toMatch(
        /^transformation: string longer than 1048576 characters/,
      );
      expect((await failure('$reduce([1..40], function($a, $b){ $a & $a }, "x")')).message).toMatch(
        /^transformation: string longer than 1048576 characters/,
      );
    });

    it('caps the size of the result', async () => {
      const big = 'x'.repeat(200 * 1024);
      expect((await failure('[$.s, $.s]', { s: big })).message).toBe('transformation: result larger than 262144 bytes');
      expect((await failure('$pad("", 300000, "y")')).message).toBe('transformation: result larger than 262144 bytes');
    });
  });
});
