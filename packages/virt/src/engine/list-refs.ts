import { ConnectListAllDomainsFlags } from '../constants.js';
import type { Answer, DomainRef } from '../driver.js';
import type { ConnectionEngine } from './connection-engine.js';

/**
 * The refs of the domains virConnectListAllDomains wants: active ones by id, then inactive ones
 * (`flags` ACTIVE / INACTIVE; neither means both). Uses the drivers' one-shot listing where there
 * is one, else lists ids and names and looks each up.
 */
export function listRefs(engine: ConnectionEngine, flags: number): Answer<DomainRef[]> {
  const active = (flags & ConnectListAllDomainsFlags.ACTIVE) !== 0;
  const inactive = (flags & ConnectListAllDomainsFlags.INACTIVE) !== 0;
  const both = active === inactive;
  const wanted = { active: both || active, inactive: both || inactive };
  if (engine.implements('listAllDomains')) return engine.call('listAllDomains', wanted);
  return lookUpEach(engine, wanted);
}

/** Lists ids and names, then looks each up (drivers without a one-shot listing). */
async function lookUpEach(engine: ConnectionEngine, wanted: { active: boolean; inactive: boolean }): Promise<DomainRef[]> {
  const refs: DomainRef[] = [];
  if (wanted.active) {
    for (const id of await engine.call('listDomainIDs')) {
      const ref = await engine.call('lookupByID', id);
      if (ref) refs.push(ref);
    }
  }
  if (wanted.inactive) {
    for (const name of await engine.call('listDefinedDomains')) {
      const ref = await engine.call('lookupByName', name);
      if (ref) refs.push(ref);
    }
  }
  return refs;
}
