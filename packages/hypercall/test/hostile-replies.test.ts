/**
 * Whatever bytes the "hypervisor" writes back, the package answers with data or a
 * HypercallError: never another exception, a hang, or a leaked buffer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HypercallError, openHypervisor } from '../src/index.js';
import { errnoError, FakePrivcmd, SimulatedXen } from '../src/testing/index.js';

const xen417 = () =>
  new SimulatedXen({ generation: 'xen4', major: 4, minor: 17, interfaceVersion: 0x15, domains: { 0: {}, 4: {} } });

describe('hostile hypervisor replies', () => {
  it('random bytes over the control struct and list buffer of every call', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            control: fc.uint8Array({ maxLength: 144 }),
            list: fc.uint8Array({ maxLength: 300 }),
            errno: fc.option(fc.constantFrom('EPERM', 'EINVAL', 'ESRCH', 'EFAULT', 'ENOMEM'), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        async (replies) => {
          const xen = xen417();
          const fake = new FakePrivcmd((call) => {
            const result = xen.respond(call);
            const reply = replies[call.index % replies.length]!;
            if (call.op === 35 || call.op === 36) {
              const list = new DataView(call.read(call.args[0], 24).buffer).getBigUint64(16, true);
              if (call.op === 35) call.write(list, reply.list);
              call.write(call.args[0], reply.control);
            }
            if (reply.errno && call.index > 5) throw errnoError(reply.errno);
            return result;
          });
          try {
            const hv = await openHypervisor({ backend: fake });
            await hv.listDomains();
            await hv.getDomainInfo(4);
            await hv.pauseDomain(4);
          } catch (error) {
            if (!HypercallError.isInstance(error)) throw error;
          }
          expect(fake.liveBuffers).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
