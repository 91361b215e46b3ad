import type { Domain } from '@libvirt-ts/virt';
import { VirtError } from '@libvirt-ts/virt';
import { DomainMetadataType, DomainModificationImpact, DomainXMLFlags } from '@libvirt-ts/virt/constants';
import { failedBecause } from '../errors.js';
import type { CommandDef } from './command.js';
import { domainOption } from './common-options.js';
import { lookupDomain } from './domain-lookup.js';
import { editText } from './edit-text.js';

/**
 * virshGetDomainDescription: the title or description through virDomainGetMetadata ('' when there is
 * none), or from the domain XML where the driver has no metadata call. `xmlFlags` are XML flags
 * (virsh 9 hands XML_INACTIVE for --config, which is also AFFECT_CONFIG).
 */
async function currentText(domain: Domain, title: boolean, xmlFlags: number): Promise<string> {
  const type = title ? DomainMetadataType.TITLE : DomainMetadataType.DESCRIPTION;
  try {
    return await domain.metadata(type, null, xmlFlags);
  } catch (err) {
    if (!VirtError.isInstance(err)) throw err;
    if (err.code === 'NO_DOMAIN_METADATA') return '';
    if (err.code !== 'NO_SUPPORT') throw err;
  }
  const { parseXml } = await import('@libvirt-ts/xml-format');
  const element = parseXml(await domain.XMLDesc(xmlFlags)).children.find((c) => c.name === (title ? 'title' : 'description'));
  return element?.text ?? '';
}

export const descCommand: CommandDef = {
  name: 'desc',
  group: 'domain',
  summary: "show or set domain's description or title",
  description: 'Allows setting or modifying the description or title of a domain.',
  options: [
    domainOption(),
    { name: 'live', type: 'bool', help: 'modify/get running state' },
    { name: 'config', type: 'bool', help: 'modify/get persistent configuration' },
    { name: 'current', type: 'bool', help: 'modify/get current state configuration' },
    { name: 'title', type: 'bool', help: 'modify/get the title instead of description' },
    { name: 'edit', type: 'bool', help: 'open an editor to modify the description' },
    { name: 'new-desc', type: 'argv', help: 'message' },
  ],
  async run(ctx) {
    const { options, session } = ctx;
    options.exclusive('current', 'live');
    options.exclusive('current', 'config');
    const config = options.bool('config');
    let flags: number = DomainModificationImpact.AFFECT_CURRENT;
    if (config) flags |= DomainModificationImpact.AFFECT_CONFIG;
    if (options.bool('live')) flags |= DomainModificationImpact.AFFECT_LIVE;
    const queryFlags = config ? DomainXMLFlags.XML_INACTIVE : 0;
    const { domain } = await lookupDomain(ctx);
    const title = options.bool('title');
    const what = title ? 'title' : 'description';
    const words = options.words('new-desc');
    // virsh joins the words with spaces ('' too: an empty description removes it)
    const given = words.length > 0 ? words.join(' ') : undefined;
    const out = session.out;
    if (!options.bool('edit') && given === undefined) {
      const text = await currentText(domain, title, queryFlags);
      if (text !== '') out.print(text);
      else out.printExtra(`No ${what} for domain: ${domain.name()}`);
      return;
    }
    const existing = await currentText(domain, title, queryFlags);
    let next = given ?? existing;
    if (options.bool('edit')) {
      let edited = await editText(next);
      // some editors end the file with a newline; a title is one line
      if (title && edited.endsWith('\n')) edited = edited.slice(0, -1);
      if (edited === existing) {
        out.printExtra(`Domain ${what} not changed\n`);
        return;
      }
      next = edited;
    }
    const type = title ? DomainMetadataType.TITLE : DomainMetadataType.DESCRIPTION;
    await domain.setMetadata(type, next, null, null, flags).catch((err) => {
      throw failedBecause(`Failed to set new domain ${what}`, err);
    });
    out.printExtra(`Domain ${what} updated successfully`);
  },
};
