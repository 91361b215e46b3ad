// The masking of the scenario suite hides CPU time and guest ids, and nothing else.
import { describe, expect, it } from 'vitest';
import { mask } from '../scenarios/mask.mjs';

describe('mask', () => {
  it('masks the guest id in list rows, folding the padding after it, and keeps Domain-0', () => {
    const libvirt = ' Id   Name        State\n----------------------------\n 0    Domain-0    running\n 3    tinyguest   running\n\n';
    const ours = ' Id   Name        State\n----------------------------\n 0    Domain-0    running\n 12   tinyguest   running\n\n';
    expect(mask('list --all', libvirt)).toBe(mask('list --all', ours));
    expect(mask('list --all', ours)).toContain(' 0    Domain-0');
    expect(mask('list --all', ours.replace('running\n 12', 'paused\n 12'))).not.toBe(mask('list --all', libvirt));
  });

  it('masks dominfo Id and CPU time, dumpxml id and domid output, not other numbers', () => {
    const dominfo = (id: number, cpu: string, memory: number) =>
      `Id:             ${id}\nName:           tinyguest\nCPU time:       ${cpu}\nMax memory:     ${memory} KiB\n\n`;
    expect(mask('dominfo tinyguest', dominfo(3, '1.2s', 131072))).toBe(mask('dominfo tinyguest', dominfo(9, '0.8s', 131072)));
    expect(mask('dominfo tinyguest', dominfo(3, '1.2s', 131072))).not.toBe(mask('dominfo tinyguest', dominfo(3, '1.2s', 65536)));
    expect(mask('dominfo 0', dominfo(0, '1.2s', 1))).toContain('Id:             0\n');
    expect(mask('dumpxml tinyguest', "<domain type='xen' id='7'>\n  <vcpu placement='static'>1</vcpu>")).toBe(
      "<domain type='xen' id='<id>'>\n  <vcpu placement='static'>1</vcpu>",
    );
    expect(mask('capabilities', "<cpu id='1' socket_id='0'/>")).toBe("<cpu id='1' socket_id='0'/>");
    expect(mask('domid tinyguest', '5\n\n')).toBe('<id>\n\n');
    expect(mask('domid Domain-0', '0\n\n')).toBe('0\n\n');
  });
});
