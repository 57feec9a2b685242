import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A place in the answer queue. `ready` resolves when the work may start; `release` frees the place
 * (or the slot, once running) and may be called any number of times.
 */
export interface AnswerTicket {
  readonly ready: Promise<void>;
  /** True once the ticket holds a slot (at once when one was free). */
  readonly running: boolean;
  release(): void;
}

type State = 'waiting' | 'running' | 'done';

/** Discord allows 3 s for an acknowledgement; waiting longer than this for one would only delay answers. */
const ACKNOWLEDGEMENT_WAIT_MS = 2000;

class Ticket implements AnswerTicket {
  state: State;
  readonly ready: Promise<void>;
  private start!: () => void;

  constructor(
    running: boolean,
    private readonly onRelease: (ticket: Ticket) => void,
  ) {
    this.state = running ? 'running' : 'waiting';
    this.ready = running ? Promise.resolve() : new Promise<void>((resolve) => (this.start = resolve));
  }

  get running(): boolean {
    return this.state === 'running';
  }

  begin(): void {
    this.state = 'running';
    this.start();
  }

  release(): void {
    if (this.state !== 'done') this.onRelease(this);
  }
}

/**
 * A global bound on answering: at most `maxConcurrent` answers are computed at once and at most
 * `maxQueued` more wait for a slot, first come first served. Entering is synchronous, so a command
 * can tell a user "busy" before deferring, and otherwise defer at once and wait for its turn.
 *
 * Computing an answer holds the (single) JavaScript thread for tens of milliseconds, which would
 * delay other users' acknowledgements past Discord's 3 s limit under a burst. So initial responses
 * are tracked (`acknowledge`), and an answer starts only once those already in flight have landed
 * (`turn`): everyone sees "thinking…" first, then the answers follow.
 */
export class AnswerQueue {
  private active = 0;
  private readonly waiting: Ticket[] = [];
  private readonly acknowledgements = new Set<Promise<void>>();

  constructor(
    readonly maxConcurrent: number,
    readonly maxQueued: number,
  ) {
    if (!Number.isInteger(maxConcurrent) || maxConcurrent < 1) throw new RangeError('maxConcurrent must be a whole number of at least 1');
    if (!Number.isInteger(maxQueued) || maxQueued < 0) throw new RangeError('maxQueued must be a whole number of at least 0');
  }

  /** Answers being computed now. */
  get running(): number {
    return this.active;
  }

  /** Answers waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /** A ticket (running at once, or waiting its turn), or undefined when every slot and queue place is taken. */
  tryEnter(): AnswerTicket | undefined {
    if (this.active < this.maxConcurrent) {
      this.active += 1;
      return new Ticket(true, (t) => this.release(t));
    }
    if (this.waiting.length >= this.maxQueued) return undefined;
    const ticket = new Ticket(false, (t) => this.release(t));
    this.waiting.push(ticket);
    return ticket;
  }

  /** Records an initial response (a deferral or a reply) until it lands; returns it unchanged. */
  acknowledge<T>(response: Promise<T>): Promise<T> {
    const landed = response.then(
      () => undefined,
      () => undefined,
    );
    this.acknowledgements.add(landed);
    void landed.then(() => this.acknowledgements.delete(landed));
    return response;
  }

  /** Initial responses still in flight. */
  get acknowledging(): number {
    return this.acknowledgements.size;
  }

  /**
   * Waits for the ticket's slot, lets pending network events in, then waits for the initial
   * responses in flight at that moment (later ones don't extend the wait, so a steady stream of
   * new users cannot starve an answer).
   */
  async turn(ticket: AnswerTicket): Promise<void> {
    await ticket.ready;
    // Answers hand slots to each other through promises (microtasks), which never let the event loop
    // read the network: without this, a long queue would run back to back while new users' requests sat unread.
    await new Promise((resolve) => setImmediate(resolve));
    await this.acknowledged();
  }

  /**
   * Resolves once the initial responses in flight now have landed (at once when there are none),
   * or after `maxWaitMs`, so one stuck request cannot hold every answer back.
   */
  async acknowledged(maxWaitMs = ACKNOWLEDGEMENT_WAIT_MS): Promise<void> {
    if (this.acknowledgements.size === 0) return;
    await Promise.race([Promise.all([...this.acknowledgements]), sleep(maxWaitMs, undefined, { ref: false })]);
  }

  private release(ticket: Ticket): void {
    const was = ticket.state;
    ticket.state = 'done';
    if (was === 'waiting') {
      // Gave up before its turn (e.g. the reply failed): it never held a slot.
      this.waiting.splice(this.waiting.indexOf(ticket), 1);
      return;
    }
    const next = this.waiting.shift();
    if (next) next.begin(); // the slot passes straight on
    else this.active -= 1;
  }
}
