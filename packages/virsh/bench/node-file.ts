import { writeFileSync } from 'node:fs';

/** Writes a test-driver node file with `count` inline domains dom0001..domNNNN. */
export function writeNodeFile(path: string, count: number): void {
  let xml = '<node>\n';
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(4, '0');
    const uuid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    xml += `  <domain type='test'><name>dom${n}</name><uuid>${uuid}</uuid><memory>65536</memory><vcpu>1</vcpu><os><type>hvm</type></os></domain>\n`;
  }
  writeFileSync(path, `${xml}</node>\n`);
}
