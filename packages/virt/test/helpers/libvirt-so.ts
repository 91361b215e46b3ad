import { spawnSync } from 'node:child_process';

/**
 * libvirt 9 itself, through its C API: Debian's libvirt.so.0 driven by python3's ctypes (no
 * binding package needed). `libvirtSoAvailable` says whether this machine has both.
 */
export const libvirtSoAvailable = spawnSync('python3', ['-c', 'import ctypes; ctypes.CDLL("libvirt.so.0")']).status === 0;

const PRELUDE = `
import ctypes, sys
lv = ctypes.CDLL("libvirt.so.0")
P = ctypes.c_void_p
for name, res, args in [
    ("virConnectOpen", P, [ctypes.c_char_p]),
    ("virGetLastErrorMessage", ctypes.c_char_p, []),
    ("virDomainLookupByName", P, [P, ctypes.c_char_p]),
    ("virDomainLookupByID", P, [P, ctypes.c_int]),
    ("virDomainLookupByUUIDString", P, [P, ctypes.c_char_p]),
]:
    getattr(lv, name).restype = res
    getattr(lv, name).argtypes = args
def last():
    return lv.virGetLastErrorMessage().decode()
`;

/** Runs `body` (python, after a prelude giving `lv` and `last()`) with `args` as sys.argv[1:]; its stdout lines. */
export function runLibvirtSo(body: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env): string[] {
  const result = spawnSync('python3', ['-c', `${PRELUDE}\n${body}`, ...args], { encoding: 'utf8', env, timeout: 30_000 });
  if (result.status !== 0) throw new Error(`python3 failed: ${result.stderr}`);
  return result.stdout.trimEnd().split('\n');
}
