import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CredentialType } from '../constants.js';
import { VirtError } from '../errors/virt-error.js';
import type { ConnectAuth, ConnectCredential } from '../types.js';
import type { ParsedUri } from '../uri.js';
import { AuthConfig } from './auth-config.js';

/**
 * libvirt's virauth.c for a driver that needs a username and password: first the auth.conf
 * file (LIBVIRT_AUTH_FILE, else the URI's `authfile` parameter, else
 * $XDG_CONFIG_HOME/libvirt/auth.conf, else /etc/libvirt/auth.conf), then the open's callback.
 */
export class CredentialAsker {
  #config: AuthConfig | undefined | null = null;

  constructor(
    private readonly auth: ConnectAuth | undefined,
    private readonly uri: ParsedUri | undefined,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** virAuthGetUsername: the configured username, else the callback's AUTHNAME answer. */
  async username(service: string, hostname: string): Promise<string> {
    const configured = this.#configured(service, hostname, 'username');
    if (configured !== undefined) return configured;
    const auth = this.#requireAuth();
    if (!auth.credentialTypes.includes(CredentialType.AUTHNAME)) {
      throw new VirtError({ code: 'AUTH_FAILED', domain: 'AUTH', info: 'Missing VIR_CRED_AUTHNAME credential type' });
    }
    const answer = await ask(auth, { type: CredentialType.AUTHNAME, prompt: `Enter username for ${hostname}`, challenge: hostname, defaultResult: undefined });
    if (answer === undefined) throw new VirtError({ code: 'AUTH_FAILED', domain: 'AUTH', info: 'Username request failed' });
    return answer;
  }

  /** virAuthGetPassword: the configured password, else the callback's PASSPHRASE or NOECHOPROMPT answer. */
  async password(service: string, username: string, hostname: string): Promise<string> {
    const configured = this.#configured(service, hostname, 'password');
    if (configured !== undefined) return configured;
    const auth = this.#requireAuth();
    const type = auth.credentialTypes.find((t) => t === CredentialType.PASSPHRASE || t === CredentialType.NOECHOPROMPT);
    if (type === undefined) {
      throw new VirtError({ code: 'OPERATION_UNSUPPORTED', domain: 'AUTH', info: 'no suitable callback authentication callback was found' });
    }
    const answer = await ask(auth, { type, prompt: `Enter ${username}'s password for ${hostname}`, challenge: hostname, defaultResult: undefined });
    if (answer === undefined) {
      throw new VirtError({ code: 'OPERATION_FAILED', domain: 'AUTH', info: 'failed to retrieve user response for authentication callback' });
    }
    return answer;
  }

  #requireAuth(): ConnectAuth {
    if (!this.auth) throw new VirtError({ code: 'INVALID_ARG', domain: 'AUTH', info: 'Missing authentication credentials' });
    return this.auth;
  }

  #configured(service: string, hostname: string, name: string): string | undefined {
    if (this.#config === null) this.#config = this.#loadConfig();
    return this.#config?.lookup(service, hostname, name);
  }

  #loadConfig(): AuthConfig | undefined {
    const named = this.env['LIBVIRT_AUTH_FILE'] || new URLSearchParams(this.uri?.query ?? '').get('authfile') || undefined;
    const userDir = join(this.env['XDG_CONFIG_HOME'] || join(this.env['HOME'] || homedir(), '.config'), 'libvirt');
    const candidates = named !== undefined ? [named] : [join(userDir, 'auth.conf'), '/etc/libvirt/auth.conf'];
    for (const path of candidates) {
      let text: string;
      try {
        text = readFileSync(path, 'utf8');
      } catch (error) {
        // A file named outright must be there; the default places are only looked at.
        if (named !== undefined) throw unreadable(path, error);
        continue;
      }
      const config = AuthConfig.parse(path, text);
      if (!config) throw unreadable(path);
      return config;
    }
    return undefined;
  }
}

/** libvirt 9 fails here without saying why ("An error occurred, but the cause is unknown"); this says. */
function unreadable(path: string, cause?: unknown): VirtError {
  return new VirtError({ code: 'CONF_SYNTAX', domain: 'AUTH', info: `cannot read the auth file '${path}'`, cause });
}

async function ask(auth: ConnectAuth, credential: ConnectCredential): Promise<string | undefined> {
  try {
    await auth.callback([credential]);
  } catch {
    return undefined;
  }
  return credential.result;
}
