import { dirname, resolve } from 'node:path';
import { decodeXmlBytes, type XmlElement } from '@libvirt-ts/xml-format';
import { DomainState, RunningReason } from '../../constants.js';
import { DomainEventBus } from '../../events/domain-event-bus.js';
import type { NodeInfo } from '../../types.js';
import { readFilePrefix } from './bounded-read.js';
import { readDefinition } from './parse-definition.js';
import { nodeDomainMessages } from './taint.js';
import { readAuthUsers } from './test-auth.js';
import { TestDomainList } from './test-domain-list.js';
import { testError, testErrorText } from './test-errors.js';
import { DEFAULT_NODE_INFO, type TestNode } from './test-node.js';
import { checkXmlDocument, xmlError } from './xml-parse-error.js';

/**
 * Loads a test node file (`test:///ABSOLUTE/PATH/node.xml`) as libvirt 9's test driver does:
 * `<node>` with optional `<cpu>` (nodes, sockets, cores, threads, active, mhz, model) and `<memory>`
 * (KiB), missing values from test:///default; `<domain>` elements inline or `file=` relative to
 * the node file. Every domain starts running with the next id, unless `<test:runstate>` says
 * otherwise; `<test:transient/>` makes it transient, `<test:hasmanagedsave/>` gives it a managed save image.
 */
export async function loadNodeFile(path: string): Promise<TestNode> {
  const text = await readDocument(path);
  const root = checkXmlDocument(text, path, 'node', 'file');
  const info = readNodeInfo(root);
  const domains = new TestDomainList();
  for (const element of root.children.filter((c) => c.name === 'domain')) {
    const file = element.attributes.get('file');
    const filePath = file === undefined ? undefined : resolve(dirname(path), file);
    // An inline domain is read from the node file's own tree: the file is parsed once.
    const { domainElement, source } = filePath === undefined ? { domainElement: element, source: text } : await readDomainFile(filePath);
    const def = readDefinition(domainElement, source);
    const { runstate, transient, hasManagedSave } = readTestNamespace(root, element);
    if (transient && runstate === DomainState.SHUTOFF) throw xmlError("transient domain cannot have runstate 'shutoff'");
    if (hasManagedSave && runstate !== DomainState.SHUTOFF) {
      throw xmlError("domain with managedsave data can only have runstate 'shutoff'");
    }
    const dom = domains.add(def, { live: false });
    dom.persistent = !transient;
    dom.hasManagedSave = hasManagedSave;
    if (runstate !== DomainState.SHUTOFF) {
      domains.start(dom, DomainState.RUNNING, RunningReason.BOOTED);
      dom.state = runstate;
      dom.reason = 0;
    }
    dom.messages.push(...nodeDomainMessages(domainElement));
  }
  return { info, cells: [], domains, events: new DomainEventBus(), users: readAuthUsers(root) };
}

/** A `<domain file=...>`'s document: its `<domain>` element and its text. */
async function readDomainFile(path: string): Promise<{ domainElement: XmlElement; source: string }> {
  const source = await readDocument(path);
  return { domainElement: checkXmlDocument(source, path, 'domain', 'file'), source };
}

/**
 * Our bound on a node file. libvirt's test driver lets libxml2 read it, with no bound but libxml2's
 * own; we refuse one past virFileReadAll's 10 MiB (virsh's VSH_MAX_XML_FILE), in its words.
 */
const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

async function readDocument(path: string): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readFilePrefix(path, MAX_DOCUMENT_BYTES + 1);
  } catch (error) {
    throw xmlError(`failed to parse xml document '${path}'`, error);
  }
  // libxml2 reads a file in chunks and stops at its first NUL: a file of NULs (or /dev/zero) is an
  // empty document to it, however long.
  const nul = bytes.indexOf(0);
  if (nul >= 0 && nul < MAX_DOCUMENT_BYTES) return decodeXmlBytes(bytes.subarray(0, nul + 1));
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    // libvirt's words for a file past the limit (EOVERFLOW), as virsh 9 prints them.
    throw testErrorText('SYSTEM_ERROR', `Failed to read file '${path}': Value too large for defined data type`);
  }
  return decodeXmlBytes(bytes);
}

const CPU_COUNTS = ['nodes', 'sockets', 'cores', 'threads'] as const;

function readNodeInfo(root: XmlElement): NodeInfo {
  const info: NodeInfo = { ...DEFAULT_NODE_INFO };
  const cpu = root.children.find((c) => c.name === 'cpu');
  if (cpu) {
    for (const field of CPU_COUNTS) {
      const value = readUnsigned(cpu, field, `invalid node cpu ${field} value`);
      if (value !== undefined) info[field] = value;
    }
    // virNodeInfo's fields are unsigned int: the product wraps as C's does.
    info.cpus = Number(BigInt.asUintN(32, BigInt(info.nodes) * BigInt(info.sockets) * BigInt(info.cores) * BigInt(info.threads)));
    const active = readUnsigned(cpu, 'active', 'invalid node cpu active value');
    if (active !== undefined && active < info.cpus) info.cpus = active;
    const mhz = readUnsigned(cpu, 'mhz', 'invalid node cpu mhz value');
    if (mhz !== undefined) info.mhz = mhz;
    const model = cpu.children.find((c) => c.name === 'model')?.text;
    if (model !== undefined) {
      // virNodeInfo.model is char[32].
      if (model.length > 31) throw testError('INTERNAL_ERROR', `Model ${model} too big for destination`);
      info.model = model;
    }
  }
  const memory = readUnsigned(root, 'memory', 'invalid node memory value', Number.MAX_SAFE_INTEGER);
  if (memory !== undefined) info.memory = memory;
  return info;
}

/** C's UINT_MAX: virXPathUInt refuses larger values. */
const UINT_MAX = 0xffff_ffff;

/**
 * virXPathUInt (virXPathULongLong for the memory: up to 2^53 here, a JavaScript number): absent →
 * undefined; present but not an unsigned number in range → the given XML error.
 */
function readUnsigned(parent: XmlElement, name: string, message: string, max = UINT_MAX): number | undefined {
  const element = parent.children.find((c) => c.name === name);
  if (!element) return undefined;
  const text = element.text.trim();
  if (!/^\d+$/.test(text) || Number(text) > max) throw xmlError(message);
  return Number(text);
}

/** libvirt's namespace for test-driver extensions inside `<domain>` (runstate, transient). */
const TEST_NAMESPACE = 'http://libvirt.org/schemas/domain/test/1.0';

/** Prefixes bound to the test namespace on `elements` (the node root and the domain). */
function testPrefixes(...elements: XmlElement[]): Set<string> {
  const prefixes = new Set<string>();
  for (const element of elements) {
    for (const [name, value] of element.attributes) if (name.startsWith('xmlns:') && value === TEST_NAMESPACE) prefixes.add(name.slice(6));
  }
  return prefixes;
}

/**
 * The test-namespace elements of one `<domain>`. As in libvirt, they count only under a prefix bound
 * to the namespace (an unbound `test:` is ignored), with libvirt 9's messages for bad values.
 */
function readTestNamespace(root: XmlElement, domain: XmlElement): { runstate: DomainState; transient: boolean; hasManagedSave: boolean } {
  const prefixes = testPrefixes(root, domain);
  let runstate: DomainState = DomainState.RUNNING;
  let transient = false;
  let hasManagedSave = false;
  for (const child of domain.children) {
    const colon = child.name.indexOf(':');
    if (colon < 0 || !prefixes.has(child.name.slice(0, colon))) continue;
    const local = child.name.slice(colon + 1);
    if (local === 'transient') transient = true;
    if (local === 'hasmanagedsave') hasManagedSave = true;
    if (local === 'runstate') {
      const text = child.text.trim();
      if (!/^\d+$/.test(text)) throw xmlError('invalid runstate');
      // libvirt 9's message has the stray quote at the end.
      if (Number(text) > DomainState.PMSUSPENDED) throw xmlError(`runstate '${text}' out of range'`);
      runstate = Number(text) as DomainState;
    }
  }
  return { runstate, transient, hasManagedSave };
}
