import type { ConnectionState, ServerState } from './request-handlers.js';

/**
 * What a connection counts against a quota. C xenstored accounts an unprivileged domain's
 * watches, transactions and outstanding requests per domain: a guest opening more connections
 * (here, more connections to its domain socket) gets no more of them. dom0's connections are
 * each counted alone, as the C daemon does not limit dom0 at all and we keep a per-connection
 * bound for memory's sake.
 */
export function usage(server: ServerState, connection: ConnectionState, measure: (each: ConnectionState) => number): number {
  if (connection.caller.privileged) return measure(connection);
  let total = 0;
  for (const each of server.connectionsOf(connection.caller.domid)) total += measure(each);
  return total;
}

/** Who a quota is counted for, in error messages. */
export function accountName(connection: ConnectionState): string {
  return connection.caller.privileged ? 'one connection' : `domain ${connection.caller.domid}`;
}
