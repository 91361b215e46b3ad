import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Connection } from '../../src/index.js';

const fixtures = new URL('../fixtures/events/', import.meta.url);
export const fixture = (name: string) => readFile(new URL(name, fixtures), 'utf8');

/** The lines virsh 9 printed for the script below (fixtures/events/lifecycle-virsh9.txt). */
export async function virsh9LifecycleLines(): Promise<string[]> {
  return (await fixture('lifecycle-virsh9.txt')).split('\n').filter((line) => line.startsWith("event '"));
}

/**
 * The script of the capture, through the API on `actor`: suspend test; resume test; destroy test;
 * start test; save; restore; define ev1 twice; start, suspend, destroy, undefine ev1; create and
 * destroy ev2; shutdown, start, reboot test; define, start, undefine, shutdown ev1.
 */
export async function runLifecycleScript(actor: Connection, dir: string): Promise<void> {
  const ev1 = await fixture('ev1.xml');
  const ev2 = await fixture('ev2.xml');
  const save = join(dir, 'test.save');
  const test = await actor.lookupByName('test');
  await test.suspend();
  await test.resume();
  await test.destroy();
  await test.create();
  await test.save(save);
  await actor.restore(save);
  await actor.defineXML(ev1);
  const first = await actor.defineXML(ev1);
  await first.create();
  await first.suspend();
  await first.destroy();
  await first.undefine();
  await (await actor.createXML(ev2)).destroy();
  await test.shutdown();
  await test.create();
  await test.reboot();
  const again = await actor.defineXML(ev1);
  await again.create();
  await again.undefine();
  await again.shutdown();
}
