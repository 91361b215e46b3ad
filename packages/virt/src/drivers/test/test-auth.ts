import type { XmlElement } from '@libvirt-ts/xml-format';
import type { CredentialAsker } from '../../auth/ask-credentials.js';
import { testError } from './test-errors.js';
import { xmlError } from './xml-parse-error.js';

/** One `<node><auth><user password='...'>NAME</user></auth>` entry; no password means none is asked. */
export interface TestUser {
  username: string;
  password: string | undefined;
}

/** testParseAuthUsers: every /node/auth/user; an empty name is an XML error. */
export function readAuthUsers(root: XmlElement): TestUser[] {
  const users: TestUser[] = [];
  for (const auth of root.children.filter((c) => c.name === 'auth')) {
    for (const user of auth.children.filter((c) => c.name === 'user')) {
      const username = textContent(user);
      if (username === '') throw xmlError('missing username in /node/auth/user field');
      users.push({ username, password: user.attributes.get('password') });
    }
  }
  return users;
}

/** XPath string(.): the element's text with its descendants'. */
function textContent(element: XmlElement): string {
  return element.text + element.children.map(textContent).join('');
}

/**
 * testConnectAuthenticate: a node with users asks for a username, then (for an unknown user too,
 * so a wrong name and a wrong password look alike) a password, and refuses what does not match.
 */
export async function authenticate(users: readonly TestUser[], asker: CredentialAsker): Promise<void> {
  if (users.length === 0) return;
  const username = await asker.username('test', 'localhost');
  const user = users.find((u) => u.username === username);
  const password = user === undefined || user.password !== undefined ? await asker.password('test', username, 'localhost') : undefined;
  if (user === undefined || (user.password !== undefined && user.password !== password)) {
    throw testError('AUTH_FAILED', 'authentication failed, see test XML for the correct username/password');
  }
}
