import { XenstoreError } from './errors.js';
import { PAYLOAD_MAX, REL_PATH_MAX } from './protocol/header.js';
import { XsType } from './protocol/message-type.js';
import { isSpecialWatchSyntax, pathProblem } from './protocol/path.js';
import { formatPermission, type Permission, parsePermission } from './protocol/permissions.js';
import { readTree, type TreeEntry } from './read-tree.js';
import { concatBytes, fromUtf8, nulTerminated, splitNulTerminated, utf8 } from './protocol/strings.js';

const DIRECTORY_PART_ATTEMPTS = 100;

/** Sends one request and resolves with the reply payload, or rejects with a XenstoreError. */
export type SendRequest = (type: number, payload: Uint8Array, txId: number, path: string | undefined) => Promise<Uint8Array>;

/**
 * The node operations, shared by the client (outside any transaction) and by a transaction:
 * each subclass only says which transaction id its requests carry.
 */
export abstract class XenstoreOperations {
  protected abstract readonly txId: number;
  protected abstract readonly sendRequest: SendRequest;

  /** The node's value as UTF-8 text. */
  async read(path: string): Promise<string> {
    return fromUtf8(await this.readBytes(path));
  }

  /** The node's value as raw bytes. */
  readBytes(path: string): Promise<Uint8Array> {
    return this.pathRequest(XsType.READ, path);
  }

  /** Whether the node exists (a READ that does not answer ENOENT). */
  async exists(path: string): Promise<boolean> {
    try {
      await this.readBytes(path);
      return true;
    } catch (error) {
      if (XenstoreError.isInstance(error) && error.code === 'ENOENT') return false;
      throw error;
    }
  }

  /** Writes a value (text as UTF-8), creating the node and missing parents. */
  async write(path: string, value: string | Uint8Array): Promise<void> {
    checkPath(path, XsType.WRITE);
    const bytes = typeof value === 'string' ? utf8(value) : value;
    await this.send(XsType.WRITE, concatBytes([nulTerminated([path]), bytes]), path);
  }

  /** Creates the node (and missing parents) with an empty value; an existing node is left alone. */
  async mkdir(path: string): Promise<void> {
    await this.pathRequest(XsType.MKDIR, path);
  }

  /** Removes the node and everything below it. */
  async rm(path: string): Promise<void> {
    await this.pathRequest(XsType.RM, path);
  }

  /**
   * The names of the node's children. A list too long for one reply (E2BIG) is read in parts
   * with DIRECTORY_PART, starting over if the node changes in between, as libxenstore does.
   */
  async directory(path: string): Promise<string[]> {
    try {
      return splitNulTerminated(await this.pathRequest(XsType.DIRECTORY, path)).map(fromUtf8);
    } catch (error) {
      if (!XenstoreError.isInstance(error) || error.code !== 'E2BIG') throw error;
      try {
        return await this.directoryInParts(path);
      } catch (partError) {
        // oxenstored (Xen 4.17) has no DIRECTORY_PART: the list cannot be read over a ring.
        if (!XenstoreError.isInstance(partError) || partError.code !== 'ENOSYS') throw partError;
        throw new XenstoreError({ code: 'E2BIG', message: 'too many children for one reply, and xenstored has no DIRECTORY_PART', path, type: XsType.DIRECTORY, cause: partError });
      }
    }
  }

  /** Every node below `path` with its value, depth-first (see `readTree`). */
  readTree(path: string): Promise<TreeEntry[]> {
    return readTree(this, path);
  }

  /** Permissions of the node; the first entry is the owner. */
  async getPermissions(path: string): Promise<Permission[]> {
    const reply = await this.pathRequest(XsType.GET_PERMS, path);
    return splitNulTerminated(reply).map((bytes) => {
      const text = fromUtf8(bytes);
      const permission = parsePermission(text);
      if (!permission) throw new XenstoreError({ code: 'EPROTO', message: `malformed permission ${JSON.stringify(text)} in reply`, path });
      return permission;
    });
  }

  /** Replaces the node's permissions; the first entry is the owner. */
  async setPermissions(path: string, permissions: readonly (Permission | string)[]): Promise<void> {
    checkPath(path, XsType.SET_PERMS);
    if (permissions.length === 0) throw new XenstoreError({ code: 'EINVAL', message: 'a node needs at least one permission (its owner)', path });
    const texts = permissions.map((permission) => {
      const text = typeof permission === 'string' ? permission : formatPermission(permission);
      if (!parsePermission(text)) throw new XenstoreError({ code: 'EINVAL', message: `bad permission ${JSON.stringify(text)}`, path });
      return text;
    });
    await this.send(XsType.SET_PERMS, nulTerminated([path, ...texts]), path);
  }

  protected send(type: number, payload: Uint8Array, path?: string): Promise<Uint8Array> {
    if (payload.length > PAYLOAD_MAX) {
      return Promise.reject(new XenstoreError({ code: 'E2BIG', message: `request payload of ${payload.length} bytes exceeds ${PAYLOAD_MAX}`, path, type }));
    }
    return this.sendRequest(type, payload, this.txId, path);
  }

  private pathRequest(type: number, path: string): Promise<Uint8Array> {
    checkPath(path, type);
    return this.send(type, nulTerminated([path]), path);
  }

  private async directoryInParts(path: string): Promise<string[]> {
    for (let attempt = 0; attempt < DIRECTORY_PART_ATTEMPTS; attempt++) {
      const names = await this.readDirectoryParts(path);
      if (names) return names;
    }
    throw new XenstoreError({ code: 'EAGAIN', message: `the directory kept changing while read in parts`, path, type: XsType.DIRECTORY_PART });
  }

  /** One pass over the parts; undefined when the node's generation changed in between. */
  private async readDirectoryParts(path: string): Promise<string[] | undefined> {
    const chunks: Uint8Array[] = [];
    let generation: string | undefined;
    let received = 0;
    let previousByte: number | undefined;
    for (;;) {
      const reply = await this.send(XsType.DIRECTORY_PART, nulTerminated([path, String(received)]), path);
      const nul = reply.indexOf(0);
      if (nul < 0) throw new XenstoreError({ code: 'EPROTO', message: 'DIRECTORY_PART reply without a generation count', path });
      const replyGeneration = fromUtf8(reply.subarray(0, nul));
      if (generation !== undefined && generation !== replyGeneration) return undefined;
      generation = replyGeneration;
      const names = reply.subarray(nul + 1);
      if (names.length === 0) throw new XenstoreError({ code: 'EPROTO', message: 'DIRECTORY_PART reply made no progress', path });
      chunks.push(names);
      received += names.length;
      // The list ends with an empty name: the data so far is one NUL, or ends in two.
      const last = names[names.length - 1];
      const beforeLast = names.length >= 2 ? names[names.length - 2] : previousByte;
      if (last === 0 && (received === 1 || beforeLast === 0)) {
        const all = concatBytes(chunks);
        return splitNulTerminated(all.subarray(0, all.length - 1)).map(fromUtf8);
      }
      previousByte = last;
    }
  }
}

/** Validates a node path locally, so a typo fails with EINVAL before any I/O. */
export function checkPath(path: string, type: number, allowSpecial = false): void {
  if (allowSpecial && isSpecialWatchSyntax(path) && path.length <= REL_PATH_MAX) return;
  const problem = pathProblem(path);
  if (problem) throw new XenstoreError({ code: 'EINVAL', message: problem, path, type });
}
