import { replayPayload } from './replay-payload';

describe('replayPayload', () => {
  const payload = Buffer.from(JSON.stringify({ id: 7, customer: { name: 'Ada' } }));

  it('replays the stored bytes untouched when the endpoint has no transformation', async () => {
    expect(await replayPayload({ transformation: null }, payload)).toEqual({ body: payload });
  });

  it("applies the endpoint's current transformation, as the fan-out would", async () => {
    const result = await replayPayload({ transformation: '{"who": customer.name, "n": id}' }, payload);
    expect('body' in result && JSON.parse(result.body.toString())).toEqual({ who: 'Ada', n: 7 });
  });

  it('reports a failing transformation instead of throwing', async () => {
    const result = await replayPayload({ transformation: '$error("nope")' }, payload);
    expect(result).toEqual({ error: expect.stringContaining('transformation failed') });
  });
});
