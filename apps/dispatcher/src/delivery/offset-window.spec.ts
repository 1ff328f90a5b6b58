import { OffsetWindow } from './offset-window';

describe('OffsetWindow', () => {
  it('commits only past the contiguous finished prefix', () => {
    const w = new OffsetWindow();
    for (const o of [10n, 11n, 12n, 14n]) w.start(o);
    w.finish(11n);
    w.finish(12n);
    expect(w.advance()).toBeUndefined();
    w.finish(10n);
    expect(w.advance()).toBe(13n);
    expect(w.size).toBe(1);
    w.finish(14n);
    expect(w.advance()).toBe(15n);
    expect(w.size).toBe(0);
    expect(w.commitOffset).toBe(15n);
  });

  it('recognises offsets it has already started', () => {
    const w = new OffsetWindow();
    w.start(5n);
    expect(w.seen(4n)).toBe(true);
    expect(w.seen(5n)).toBe(true);
    expect(w.seen(6n)).toBe(false);
  });
});
