import { XenstoreError } from './errors.js';
import { XsType } from './protocol/message-type.js';
import { nulTerminated } from './protocol/strings.js';
import { XenstoreOperations, type SendRequest } from './operations.js';

/**
 * An open transaction: the node operations carry its id, so reads see a consistent snapshot and
 * writes become visible (and fire watches) only on `commit()`. `commit()` rejects with `EAGAIN`
 * when something it read or wrote changed meanwhile; `XenstoreClient.transaction()` retries then.
 */
export class XenstoreTransaction extends XenstoreOperations {
  private ended = false;

  constructor(
    readonly id: number,
    private readonly sendToServer: SendRequest,
  ) {
    super();
  }

  protected get txId(): number {
    return this.id;
  }

  protected get sendRequest(): SendRequest {
    return (type, payload, txId, path) => {
      if (this.ended) {
        return Promise.reject(new XenstoreError({ code: 'EINVAL', message: `transaction ${this.id} has already ended`, path, type }));
      }
      return this.sendToServer(type, payload, txId, path);
    };
  }

  /** Commits; rejects with EAGAIN on a conflict (the transaction is over either way). */
  commit(): Promise<void> {
    return this.end(true);
  }

  /** Discards every change of the transaction. */
  abort(): Promise<void> {
    return this.end(false);
  }

  private async end(commit: boolean): Promise<void> {
    const payload = nulTerminated([commit ? 'T' : 'F']);
    const reply = this.sendRequest(XsType.TRANSACTION_END, payload, this.id, undefined);
    this.ended = true;
    await reply;
  }
}
