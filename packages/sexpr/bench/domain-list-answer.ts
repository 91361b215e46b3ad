import { readFileSync } from 'node:fs';

// A `GET /xend/domain?detail=1` answer for many domains, each shaped like the richest
// real-xend record in libvirt's corpus (sexpr2xml-fv-autoport.sexpr: xend 3.x's indented
// output of an HVM guest with disks, a vif, a vfb and a console). Each copy gets its own
// domid, name, UUIDs and MAC so no two records are identical.
const record = readFileSync(new URL('./fixtures/sexpr2xml-fv-autoport.sexpr', import.meta.url), 'utf8').trim();

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0').slice(-digits);
}

export function domainListAnswer(count: number): string {
  const domains: string[] = [];
  for (let index = 0; index < count; index++) {
    let uuidCounter = 0;
    domains.push(
      record
        .replace('(domid 21)', `(domid ${index + 1})`)
        .replace('(name domu-224)', `(name domu-${index})`)
        .replace(/\(uuid [0-9a-f-]+\)/g, () => `(uuid ${hex(index, 8)}-${hex(uuidCounter++, 4)}-4ad8-7353-0ece515d2f18)`)
        .replace('(mac 00:16:3e:1b:e8:18)', `(mac 00:16:3e:${hex(index >> 16, 2)}:${hex(index >> 8, 2)}:${hex(index, 2)})`),
    );
  }
  return `(${domains.join('\n')}\n)\n`;
}
