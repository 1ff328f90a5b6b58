import { storableText } from './attempt.repository';

describe('storableText', () => {
  it('replaces NUL characters, which Postgres text and jsonb refuse', () => {
    expect(storableText('a\u0000b\u0000')).toBe('a\uFFFDb\uFFFD');
  });

  it('leaves other text alone, including an escaped \\u0000 written out by the receiver', () => {
    expect(storableText('ok \\u0000 é')).toBe('ok \\u0000 é');
  });
});
