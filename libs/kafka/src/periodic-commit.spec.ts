import { PeriodicCommit } from './periodic-commit';

/** A commit function whose calls stay pending until released, in order. */
function gatedCommit() {
  const pending: (() => void)[] = [];
  let calls = 0;
  const commit = () => {
    calls += 1;
    return new Promise<void>((resolve) => pending.push(resolve));
  };
  return { commit, calls: () => calls, releaseAll: () => pending.splice(0).forEach((release) => release()) };
}

describe('PeriodicCommit', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('commits every interval, skipping ticks while a commit is on its way', async () => {
    const gate = gatedCommit();
    const committer = new PeriodicCommit(gate.commit, 200);
    committer.start();
    jest.advanceTimersByTime(200);
    expect(gate.calls()).toBe(1);
    jest.advanceTimersByTime(1_000); // five ticks while the first commit is pending
    expect(gate.calls()).toBe(1);
    gate.releaseAll();
    await Promise.resolve();
    await Promise.resolve();
    jest.advanceTimersByTime(200);
    expect(gate.calls()).toBe(2);
    gate.releaseAll();
    await committer.stop();
  });

  it('joins the commit on its way instead of starting a second', async () => {
    const gate = gatedCommit();
    const committer = new PeriodicCommit(gate.commit, 200);
    const first = committer.run();
    expect(committer.run()).toBe(first);
    expect(gate.calls()).toBe(1);
    gate.releaseAll();
    await first;
  });

  it('stop() ends the ticks and waits for the commit on its way, so a final run() comes after it', async () => {
    const gate = gatedCommit();
    const order: string[] = [];
    const committer = new PeriodicCommit(async () => {
      order.push(`start ${gate.calls() + 1}`);
      await gate.commit();
      order.push(`end ${gate.calls()}`);
    }, 200);
    committer.start();
    jest.advanceTimersByTime(200); // commit 1 on its way
    let stopped = false;
    const stopping = committer.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    gate.releaseAll();
    await stopping;
    const final = committer.run();
    gate.releaseAll();
    await final;
    jest.advanceTimersByTime(2_000); // no ticks after stop()
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });
});
