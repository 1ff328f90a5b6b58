import { echoesChallenge, judgeChallengeAnswer, newUrlChallenge } from './url-challenge';

describe('URL challenge', () => {
  const { challenge } = newUrlChallenge();

  it('is 32 random bytes, base64url', () => {
    expect(Buffer.from(challenge, 'base64url')).toHaveLength(32);
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newUrlChallenge().challenge).not.toBe(challenge);
  });

  it('accepts the JSON echo, a JSON string and the plain challenge', () => {
    expect(echoesChallenge(JSON.stringify({ challenge }), challenge)).toBe(true);
    expect(echoesChallenge(` {"ok":true, "challenge": "${challenge}"}\n`, challenge)).toBe(true);
    expect(echoesChallenge(JSON.stringify(challenge), challenge)).toBe(true);
    expect(echoesChallenge(`${challenge}\n`, challenge)).toBe(true);
  });

  it('refuses anything else', () => {
    for (const body of [
      '',
      'ok',
      '{}',
      JSON.stringify({ challenge: challenge + 'x' }),
      JSON.stringify({ challenge: challenge.slice(1) }),
      JSON.stringify({ data: { challenge } }),
      JSON.stringify([challenge]),
      JSON.stringify({ type: 'url_verification', challenge: 'other' }),
      `prefix ${challenge}`,
      'null',
    ]) {
      expect(echoesChallenge(body, challenge)).toBe(false);
    }
  });

  it('requires a 2xx and never follows redirects', () => {
    expect(judgeChallengeAnswer(200, challenge, challenge)).toEqual({ verified: true });
    expect(judgeChallengeAnswer(204, '', challenge)).toEqual({
      verified: false,
      error: 'answer did not echo the challenge',
    });
    expect(judgeChallengeAnswer(302, challenge, challenge)).toEqual({
      verified: false,
      error: 'answered 302 instead of 2xx (redirects are not followed)',
    });
    expect(judgeChallengeAnswer(500, challenge, challenge)).toEqual({
      verified: false,
      error: 'answered 500 instead of 2xx',
    });
  });
});
