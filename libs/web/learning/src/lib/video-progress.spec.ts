import { VideoProgressTracker } from './video-progress';

/** Plays a video of `duration` seconds from `from` to `to`, as timeupdate does (~4 times a second). */
function play(tracker: VideoProgressTracker, duration: number, from: number, to: number): number[] {
  const sent: number[] = [];
  for (let t = from; t <= to + 1e-9; t += 0.25) {
    const send = tracker.onTime(t, duration);
    if (send !== null) sent.push(send);
  }
  return sent;
}

describe('uploaded video progress', () => {
  it('reports each further tenth once, then the end', () => {
    const tracker = new VideoProgressTracker(null);
    expect(play(tracker, 20, 0, 20)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(tracker.onEnded()).toBeNull();
  });

  it('starts from what the API already recorded, and does not go back', () => {
    const tracker = new VideoProgressTracker(45);
    expect(play(tracker, 10, 0, 4.75)).toEqual([]);
    expect(play(tracker, 10, 5, 6.2)).toEqual([50, 60]);
    // Rewinding sends nothing.
    expect(play(tracker, 10, 0, 3)).toEqual([]);
  });

  it('waits while the duration is unknown, and counts the end as all watched', () => {
    const tracker = new VideoProgressTracker(null);
    expect(tracker.onTime(3, Number.NaN)).toBeNull();
    expect(tracker.onTime(3, Number.POSITIVE_INFINITY)).toBeNull();
    expect(tracker.onTime(3, 0)).toBeNull();
    expect(tracker.onEnded()).toBe(100);
    expect(tracker.onEnded()).toBeNull();
    expect(tracker.onTime(10, 10)).toBeNull();
  });

  it('reaches the watched threshold in one jump when the learner skips ahead', () => {
    const tracker = new VideoProgressTracker(10);
    expect(tracker.onTime(93, 100)).toBe(93);
    expect(tracker.onTime(99.7, 100)).toBe(100);
  });
});
