import { storableHeaders, storableText } from './attempt.repository';

describe('storableText', () => {
  it('replaces NUL characters, which Postgres text and jsonb refuse', () => {
    expect(storableText('a\u0000b\u0000')).toBe('a\uFFFDb\uFFFD');
  });

  it('leaves other text alone, including an escaped \\u0000 written out by the receiver', () => {
    expect(storableText('ok \\u0000 é')).toBe('ok \\u0000 é');
  });
});

describe('storableHeaders', () => {
  it('is the headers as JSON when there is no NUL', () => {
    const headers = { 'webhook-id': 'msg_1', 'x-quote': 'a"b\\c' };
    expect(storableHeaders(headers)).toBe(JSON.stringify(headers));
    expect(storableHeaders(undefined)).toBeNull();
  });

  it('replaces NUL in names and values, and keeps a written-out \\u0000', () => {
    const json = storableHeaders({ 'x-\u0000': 'v\u0000', 'x-text': '\\u0000' });
    expect(JSON.parse(json!)).toEqual({ 'x-\uFFFD': 'v\uFFFD', 'x-text': '\\u0000' });
  });
});
