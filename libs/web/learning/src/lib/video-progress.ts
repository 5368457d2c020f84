/**
 * What an uploaded video lesson reports as the learner watches (pure, unit-tested): the watched
 * share at each further 10 % and at the end, never less than what the API already has, and
 * nothing while the duration is unknown (a stream without metadata reports only its end).
 */
import { videoProgressToSend } from './learning-format';

export class VideoProgressTracker {
  private lastSent: number;

  /** `start`: the share the API already recorded for this learner (null: none). */
  constructor(start: number | null) {
    this.lastSent = start ?? 0;
  }

  /** A `timeupdate`: the percent to send, or null. */
  onTime(currentTime: number, duration: number): number | null {
    if (!duration || !Number.isFinite(duration) || !Number.isFinite(currentTime)) return null;
    const send = videoProgressToSend(this.lastSent, (currentTime / duration) * 100);
    if (send !== null) this.lastSent = send;
    return send;
  }

  /** `ended`: 100 once, unless it was already sent. */
  onEnded(): number | null {
    if (this.lastSent >= 100) return null;
    this.lastSent = 100;
    return 100;
  }
}
