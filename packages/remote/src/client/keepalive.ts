/** libvirt's keepalive settings: a PING after `intervalMs` of silence, death after `count` unanswered. */
export interface KeepaliveOptions {
  /** Default 5000, as libvirt's client (virsh's keepalive_interval). */
  intervalMs?: number;
  /** Default 5, as libvirt's keepalive_count. */
  count?: number;
}

/**
 * The keepalive clock of one connection: every `intervalMs` it checks whether anything arrived;
 * after an interval of silence it sends a PING, and once `count` PINGs went unanswered (the peer
 * silent for (count + 1) x interval) it calls `onDead`. Any packet received counts as an answer.
 */
export class Keepalive {
  private readonly intervalMs: number;
  private readonly count: number;
  private unanswered = 0;
  private heardSinceTick = true;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    options: KeepaliveOptions,
    private readonly sendPing: () => void,
    private readonly onDead: (silentMs: number) => void,
  ) {
    this.intervalMs = options.intervalMs ?? 5000;
    this.count = options.count ?? 5;
    if (!(this.intervalMs > 0) || !Number.isInteger(this.count) || this.count < 0) {
      throw new RangeError(`keepalive interval ${this.intervalMs} ms and count ${this.count} are not valid`);
    }
  }

  start(): void {
    this.stop();
    this.timer = setInterval(() => this.tick(), this.intervalMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Something arrived from the peer. */
  heard(): void {
    this.heardSinceTick = true;
    this.unanswered = 0;
  }

  private tick(): void {
    if (this.heardSinceTick) {
      this.heardSinceTick = false;
      return;
    }
    if (this.unanswered >= this.count) {
      this.stop();
      this.onDead((this.unanswered + 1) * this.intervalMs);
      return;
    }
    this.unanswered++;
    this.sendPing();
  }
}
