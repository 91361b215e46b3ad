// Scenarios where our virsh does not yet match libvirt 9 on a real Xen 4.17, each with why.
// They run as `it.fails`: a listed scenario that starts to match turns red, so whoever fixes
// one deletes its line here; an unlisted scenario that differs is a plain failure. Empty: every
// scenario matches (issue 13).

/** @type {Record<string, string>} scenario name -> reason */
export const expectedFailures = {};
