import { GroupCommit } from './group-commit';

/** A write that records its groups and can be held open to let callers queue behind it. */
function recorder(failOn?: string) {
  const groups: string[][] = [];
  let release: (() => void) | undefined;
  let hold = false;
  const write = async (items: string[]) => {
    groups.push(items);
    if (hold) await new Promise<void>((resolve) => (release = resolve));
    if (failOn && items.includes(failOn)) throw new Error(`failed with ${failOn}`);
  };
  return {
    groups,
    write,
    holdNext: () => (hold = true),
    release: () => {
      hold = false;
      release?.();
    },
  };
}

describe('GroupCommit', () => {
  it('writes the first caller at once and everyone who queued meanwhile in one next write', async () => {
    const r = recorder();
    const commit = new GroupCommit(r.write);
    r.holdNext();
    const first = commit.submit('a');
    const queued = [commit.submit('b'), commit.submit('c'), commit.submit('d')];
    expect(r.groups).toEqual([['a']]);
    r.release();
    await Promise.all([first, ...queued]);
    expect(r.groups).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('rejects exactly the callers whose write failed, and goes on with the next', async () => {
    const r = recorder('c');
    const commit = new GroupCommit(r.write);
    r.holdNext();
    const first = commit.submit('a');
    const failing = [commit.submit('b'), commit.submit('c')];
    r.release();
    await expect(first).resolves.toBeUndefined();
    await expect(failing[0]).rejects.toThrow('failed with c');
    await expect(failing[1]).rejects.toThrow('failed with c');
    await expect(commit.submit('e')).resolves.toBeUndefined();
    expect(r.groups).toEqual([['a'], ['b', 'c'], ['e']]);
  });

  it('lets `limit` bound a write by weight, keeping the order', async () => {
    const r = recorder();
    const commit = new GroupCommit(r.write, { limit: { maxWeight: 2, weight: () => 1 } });
    r.holdNext();
    const all = [commit.submit('a'), commit.submit('b'), commit.submit('c'), commit.submit('d'), commit.submit('e')];
    r.release();
    await Promise.all(all);
    expect(r.groups).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it('with gather, lets the callers of the same turn share the first write', async () => {
    const r = recorder();
    const commit = new GroupCommit(r.write, { gather: true });
    const all = [commit.submit('a'), Promise.resolve().then(() => commit.submit('b')), commit.submit('c')];
    expect(r.groups).toEqual([]);
    await Promise.all(all);
    expect(r.groups).toEqual([['a', 'c', 'b']]);
  });

  it('with minIntervalMs, starts writes at least that far apart', async () => {
    const r = recorder();
    const starts: number[] = [];
    const commit = new GroupCommit(
      async (items: string[]) => {
        starts.push(Date.now());
        await r.write(items);
      },
      { minIntervalMs: 40 },
    );
    await commit.submit('a');
    await commit.submit('b');
    await Promise.all([commit.submit('c'), commit.submit('d')]);
    expect(r.groups).toEqual([['a'], ['b'], ['c', 'd']]);
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(39);
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(39);
  });
});
