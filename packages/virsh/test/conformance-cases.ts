import { AUTH_CASES } from './conformance-auth-cases.js';
import { BLKIOTUNE_CASES } from './conformance-blkiotune-cases.js';
import { CHECKPOINT_CASES } from './conformance-checkpoint-cases.js';
import { DAILY_CASES } from './conformance-daily-cases.js';
import { DEVICE_CASES } from './conformance-device-cases.js';
import { DIFFERENCE_CASES } from './conformance-differences-cases.js';
import { NO_DAEMON, testDefaultScript as script, TEST_DEFAULT_ARGS as T } from './conformance-harness.js';
import { INTERFACE_CASES } from './conformance-interface-cases.js';
import { SNAPSHOT_CASES } from './conformance-snapshot-cases.js';
import { VCPU_CASES } from './conformance-vcpu-cases.js';
import { DIFFERING, LIBVIRT_CASES, pendingFor } from './libvirt-virsh-cases.js';

/**
 * The conformance suite: each case runs through our virsh and Debian's virsh 9 with
 * the same arguments. In args and env, `@IN/` is test/fixtures/inputs/, `@NODES/` is
 * test/fixtures/nodes/, `@LIBVIRT/` test/fixtures/libvirt/ (libvirt's own test files) and
 * `@TMP/` a fresh temporary directory per run.
 */
export interface ConformanceCase {
  name: string;
  args: string[];
  env?: Record<string, string>;
  /** Files written into `@TMP/` before the run, by name (inputs too big to keep as fixtures). */
  files?: Record<string, () => string | Uint8Array>;
  /** Named pipes made in `@TMP/`, each fed its content by a writer process while virsh runs. */
  fifos?: Record<string, () => string>;
  /** stdin (an interactive session off a terminal). */
  input?: string;
  /** Run as an unprivileged user (nobody when the suite runs as root): $XDG_CONFIG_HOME's libvirt.conf counts then. */
  unprivileged?: boolean;
  /** Lines left out of stdout on both sides (libvirt's own tests filter them: CPU time, creation times). */
  dropLines?: RegExp;
  /**
   * exact: stdout, stderr and status equal (after masking).
   * subset: our stdout lines appear in virsh 9's in the same order (help lists only the
   * commands this virsh has); stderr and status equal.
   */
  compare?: 'exact' | 'subset';
  /** stderr lines (matching `lines`, on either side) left out of the comparison, and why. */
  knownDifference?: { lines: RegExp; reason: string };
}


/** A domain whose `<description>` nests `<a>` elements so the document is `levels` deep. */
const nestedDomain = (levels: number): string =>
  `<domain type='test'><name>d</name><memory>1024</memory><os><type>hvm</type></os><description>${'<a>'.repeat(levels - 2)}${'</a>'.repeat(levels - 2)}</description></domain>\n`;
const domainWithText = (text: string): string =>
  `<domain type='test'><name>d</name><memory>1024</memory><os><type>hvm</type></os><description>${text}</description></domain>\n`;
const nodeWithText = (text: string): string => `<node>\n${domainWithText(text)}</node>\n`;

/** libxml2 prints its own error for a refused text chunk to stderr (libvirt reports the next one). */
const HUGE_TEXT_WARNING = {
  lines: /^(@TMP\/node\.xml:\d+: parser error : xmlSAX2Characters: huge text node|x{80}| {0,80}\^)$/,
  reason: "libxml2's own stderr report of the refused text chunk, printed by the C library",
};

export const CASES: ConformanceCase[] = [
  // Every command on test:///default, one process each (s01..s32 of the captures and more).
  { name: 'list', args: [...T, 'list'] },
  { name: 'list-all', args: [...T, 'list', '--all'] },
  { name: 'list-inactive-empty', args: [...T, 'list', '--inactive'] },
  { name: 'list-name-uuid-id', args: script('list --name; list --uuid; list --id; list --name --uuid; list --name --id; list --uuid --id --name') },
  { name: 'list-title', args: script('list --title') },
  { name: 'list-filters', args: script('list --transient; list --persistent; list --with-snapshot; list --without-snapshot; list --state-running --state-paused; list --autostart; list --no-autostart; list --with-managed-save; list --without-managed-save; list --state-shutoff') },
  { name: 'list-table-name-exclusive', args: script('list --table --name') },
  { name: 'dominfo', args: [...T, 'dominfo', 'test'] },
  { name: 'dominfo-by-id-and-uuid', args: script('dominfo 1; dominfo 6695eb01-f6a4-8304-79aa-97f2502e193f; dominfo --domain=test') },
  { name: 'domstate', args: [...T, 'domstate', 'test'] },
  { name: 'domstate-reason', args: script('domstate test --reason; suspend test; domstate test --reason; resume test; domstate --reason test; destroy test; domstate test --reason') },
  { name: 'domid', args: [...T, 'domid', 'test'] },
  { name: 'domid-by-id-fails', args: [...T, 'domid', '1'] },
  { name: 'domname', args: [...T, 'domname', '1'] },
  { name: 'domname-by-name-fails', args: [...T, 'domname', 'test'] },
  { name: 'domuuid', args: script('domuuid test; domuuid 1') },
  { name: 'dumpxml', args: [...T, 'dumpxml', 'test'] },
  { name: 'nodeinfo', args: [...T, 'nodeinfo'] },
  { name: 'version', args: [...T, 'version'] },
  { name: 'uri', args: [...T, 'uri'] },
  { name: 'hostname', args: [...T, 'hostname'] },
  { name: 'capabilities', args: [...T, 'capabilities'] },
  { name: 'suspend', args: [...T, 'suspend', 'test'] },
  { name: 'resume-not-paused', args: [...T, 'resume', 'test'] },
  { name: 'shutdown', args: [...T, 'shutdown', 'test'] },
  { name: 'destroy', args: [...T, 'destroy', 'test'] },
  { name: 'start-active', args: [...T, 'start', 'test'] },
  { name: 'reboot', args: [...T, 'reboot', 'test'] },
  // connect closes the old connection with every handle freed, so test:///default starts afresh.
  { name: 'connect-starts-afresh', args: script('destroy test; connect test:///default; list --all') },
  { name: 'define-new', args: [...T, 'define', '@IN/newdom-test.xml'] },
  { name: 'undefine', args: [...T, 'undefine', 'test'] },
  { name: 'create-fc4-xen', args: [...T, 'create', '@IN/fc4-xen.xml'] },
  { name: 'create-fc4-test', args: [...T, 'create', '@IN/fc4-test.xml'] },
  { name: 'define-fc4-xen', args: [...T, 'define', '@IN/fc4-xen.xml'] },
  { name: 'define-fc4-test', args: [...T, 'define', '@IN/fc4-test.xml'] },
  { name: 'setmem', args: [...T, 'setmem', 'test', '1048576'] },
  { name: 'setmaxmem-active', args: [...T, 'setmaxmem', 'test', '2097152'] },
  { name: 'setvcpus', args: [...T, 'setvcpus', 'test', '1'] },
  { name: 'save', args: [...T, 'save', 'test', '@TMP/saved'] },
  { name: 'save-verbose', args: [...T, 'save', 'test', '@TMP/saved', '--verbose'] },
  { name: 'setmem-quiet', args: ['-q', ...T, 'setmem', 'test', '1048576'] },
  // Option aliases (virsh's VSH_OT_ALIAS): --kilobytes is --size; errors name the option it stands for.
  { name: 'option-aliases', args: script('setmem test --kilobytes 524288; dominfo test; setmaxmem test --kilobytes=1048576; setmem test --size 1 --kilobytes 2') },
  { name: 'option-alias-errors', args: script('echo --hi=x; echo --str') },
  // complete lists no file names (virsh 9 leaves those to readline in its shell); other values still come.
  ...(
    [
      ['complete-file-partial', ['define', '/tm']],
      ['complete-file-directory', ['define @TMP/']],
      ['complete-file-named-option', ['define', '--file', '@TMP/a']],
      ['complete-file-second-argument', ['attach-disk test @TMP/']],
      ['complete-file-empty', ['restore', '']],
      ['complete-domain-beside-file', ['save', 't']],
      // the last argument is the word to complete, whole: one holding a space matches nothing
      ['complete-word-with-space', ['save t']],
      ['complete-option-word-with-space', ['save test --x']],
    ] as const
  ).map(([name, words]) => ({ name, files: { 'a.xml': () => '<domain/>\n' }, args: [...T, 'complete', '--', ...words] })),
  { name: 'self-test', args: script('self-test; help self-test') },
  { name: 'self-test-unknown-option', args: script('self-test --completers') },
  { name: 'self-test-quiet', args: ['-q', ...T, 'self-test'] },
  // qemu-monitor-command: libvirt-qemu's call answers NO_SUPPORT on every driver we have; virsh's own checks come first.
  { name: 'qemu-monitor-command-errors', args: script('qemu-monitor-command test --hmp --pretty a; qemu-monitor-command test --hmp --return-value a; qemu-monitor-command nope a; qemu-monitor-command 1 --hmp info registers; qemu-monitor-command test --pretty --return-value a') },
  { name: 'qemu-monitor-command-wrapping', args: script(`qemu-monitor-command test a '{}'; qemu-monitor-command test a '"x":1' '"y":2'; qemu-monitor-command test a ''; qemu-monitor-command test '{"execute":"x"}'; qemu-monitor-command test ''`) },
  { name: 'qemu-monitor-command-pass-fds', args: script("qemu-monitor-command test --pass-fds x a; qemu-monitor-command test --pass-fds '' a; qemu-monitor-command test --pass-fds 1,,2 a; qemu-monitor-command test --pass-fds ' -3' a; qemu-monitor-command test --pass-fds 2147483648 a; qemu-monitor-command nope --pass-fds x a b") },
  // pool-define-as --print-xml builds the <pool> document in virsh itself (values unescaped, as virsh 9 writes them).
  { name: 'pool-define-as-print-xml', args: script(`pool-define-as --print-xml 'a<b&' "d'ir" --source-host h --adapter-wwnn n --adapter-wwpn p --adapter-parent-wwnn x --adapter-parent-wwpn y --auth-type chap --auth-username u --secret-uuid s --source-format f --source-name n --source-protocol-ver 3 --source-initiator iqn; pool-define-as --print-xml P dir --adapter-name a --adapter-wwnn w; pool-define-as --print-xml P dir --adapter-wwpn w --adapter-wwnn n --adapter-parent pp --adapter-parent-fabric-wwn f; pool-define-as --print-xml P dir --adapter-wwpn w --adapter-wwnn n --adapter-parent-fabric-wwn f --adapter-parent-wwnn x --auth-type a --auth-username u; pool-define-as --print-xml P dir --auth-type a --auth-username u --secret-usage s --target /t; pool-define-as --print-xml P dir h p d n t`) },
  { name: 'pool-define-as-errors', args: script("pool-define-as --print-xml P dir --secret-usage a --secret-uuid b; pool-define-as --print-xml P dir --target ''; pool-define-as --print-xml P ''; pool-define-as --print-xml '' dir; help pool-define-as") },
  { name: 'pool-define-as-quiet', args: ['-q', ...script('pool-define-as --print-xml P dir --target /t')] },
  { name: 'pool-define-as-missing-type', args: script('pool-define-as P') },
  { name: 'qemu-monitor-command-readonly', args: ['-r', ...script('qemu-monitor-command test a; help qemu-monitor-command')] },
  { name: 'dominfo-quiet-missing', args: ['-q', ...T, 'dominfo', 'nosuchdomain'] },
  { name: 'list-quiet', args: ['-q', ...T, 'list', '--all'] },
  { name: 'echo', args: script('echo "a b" c; echo --shell "a b" "it\'s" plain; echo --xml "<a&b>" "q\'\\""; echo --split a,b,,c; echo --err oops; echo') },
  { name: 'pwd', args: [...T, 'pwd'], compare: 'exact' },
  { name: 'cd-non-interactive', args: [...T, 'cd', '/tmp'] },
  { name: 'connect', args: script('connect test:///default; uri; connect --name test:///default --readonly; destroy test; connect; domstate test') },
  { name: 'save-running-paused', args: script('save test @TMP/z --running --paused; restore @TMP/nope --running --paused') },
  { name: 'connect-bad-keeps-old', args: script('connect bogus:///x; uri'), knownDifference: NO_DAEMON },

  // Lifecycle scripts: runtime failures do not stop a script; the last command sets the status.
  { name: 'lifecycle', args: script('list --all; suspend test; list; resume test; dominfo test; nodeinfo') },
  { name: 'lifecycle-stop-start', args: script('destroy test; list --all; start test; list --all; domid test; shutdown test; domstate test; start 1; start test; dominfo test') },
  { name: 'lifecycle-define-create', args: script('define @IN/newdom-test.xml; list --all; start newdom; list --all; destroy newdom; undefine newdom; list --all; create @IN/newdom-test.xml; create @IN/newdom-test.xml; list --all; dominfo newdom') },
  { name: 'lifecycle-undefine-running', args: script('undefine test; dominfo test; destroy test; list --all') },
  { name: 'lifecycle-save-restore', args: script('save test @TMP/x; list --all; dominfo test; restore @TMP/x; list --all; domstate test --reason; restore @TMP/x') },
  { name: 'lifecycle-memory', args: script('setmem test 1G; dominfo test; setmem test 1048576KiB; setvcpus test 1; dominfo test; destroy test; setmaxmem test 1048576; setmem test 524288; setvcpus test 1; dominfo test') },
  { name: 'lifecycle-middle-fails', args: script('domstate test; resume test; domstate test') },
  { name: 'lifecycle-last-fails', args: script('domstate test; resume test') },
  { name: 'quit-stops-script', args: script('domstate test; quit; list') },
  { name: 'exit-first', args: script('exit; list') },

  // Error shapes (e01..e17 of the captures and neighbours).
  { name: 'dominfo-nosuch', args: [...T, 'dominfo', 'nosuchdomain'] },
  { name: 'unknown-command', args: [...T, 'frobnicate'] },
  { name: 'unknown-command-similar', args: [...T, 'lst'] },
  { name: 'bad-option', args: [...T, 'list', '--bogus'] },
  { name: 'create-malformed', args: [...T, 'create', '@IN/malformed.xml'] },
  { name: 'create-notxml', args: [...T, 'create', '@IN/notxml.xml'] },
  { name: 'create-missing', args: [...T, 'create', '@IN/does-not-exist.xml'] },
  { name: 'create-directory', args: [...T, 'create', '@IN'] },
  { name: 'define-fv0-rejected', args: [...T, 'define', '@IN/fv0-xen.xml'] },
  { name: 'define-fv0-boothd', args: script('define @IN/fv0-xen-boothd.xml; dumpxml fv0') },
  { name: 'missing-arg', args: [...T, 'domstate'] },
  { name: 'missing-two-args', args: [...T, 'save'] },
  { name: 'missing-number-arg', args: [...T, 'setmem', 'test'] },
  { name: 'extra-arg', args: [...T, 'domstate', 'test', 'extra'] },
  { name: 'env-uri', args: ['list'], env: { LIBVIRT_DEFAULT_URI: 'test:///default' } },
  { name: 'env-virsh-uri', args: ['uri'], env: { VIRSH_DEFAULT_CONNECT_URI: 'test:///default' } },
  { name: 'connect-long', args: ['--connect', 'test:///default', 'domstate', 'test'] },
  { name: 'connect-equals', args: ['--connect=test:///default', 'uri'] },
  { name: 'connect-joined', args: ['-ctest:///default', 'uri'] },
  { name: 'readonly', args: ['-r', ...T, 'domstate test; destroy test'] },
  // domxml-to-native / domxml-from-native: the test driver has no native formats (NO_SUPPORT), after
  // virsh's own checks (files, the domain, --domain/--xml); read-only connections refuse them first.
  // @IN/paravirt-cmdline.cfg is libvirt 9.0.0's tests/xlconfigdata/test-paravirt-cmdline.cfg.
  { name: 'domxml-native-test-driver', args: script('domxml-to-native xen-xl @IN/fc4-xen.xml; domxml-to-native xen-xm --domain test; domxml-from-native xen-xl @IN/paravirt-cmdline.cfg; domxml-to-native xen-xl --domain nosuch; domxml-to-native xen-xl; domxml-to-native xen-xl --domain test --xml @IN/fc4-xen.xml; domxml-from-native xen-xl @TMP/missing.cfg') },
  { name: 'domxml-to-native-extra-arg', args: [...T, 'domxml-to-native', 'xen-xl', '@IN/fc4-xen.xml', 'extra'] },
  { name: 'domxml-native-readonly', args: ['-r', ...T, 'domxml-to-native xen-xl @IN/fc4-xen.xml; domxml-from-native xen-xm @IN/paravirt-cmdline.cfg'] },
  { name: 'domxml-native-help', args: script('help domxml-to-native; help domxml-from-native') },
  { name: 'domxml-from-native-missing-config', args: [...T, 'domxml-from-native', 'xen-xl'] },
  { name: 'domxml-to-native-missing-value', args: [...T, 'domxml-to-native', 'xen-xl', '--domain', 'test', '--xml'] },
  { name: 'save-errors', args: script('save nosuch @TMP/y; save test /nonexistent-dir/y; restore @TMP/nope; restore @IN/newdom-test.xml') },
  { name: 'quoted', args: script('dominfo \'test\'; domstate "test"; echo a\\;b \'c;d\'') },
  { name: 'parse-error-stops-all', args: script('list; suspend test; list --bogus') },
  { name: 'parse-unknown-first', args: script('frob; list --bogus') },
  { name: 'parse-errors', args: script('dominfo --domain test --domain test') },
  { name: 'parse-bool-equals', args: script('list --all=x') },
  { name: 'parse-missing-value', args: script('dominfo --domain') },
  { name: 'parse-missing-quote', args: script('domstate "test') },
  { name: 'parse-open-single-quote', args: script("domstate 'test") },
  { name: 'parse-dangling-backslash', args: script('domstate test\\') },
  { name: 'parse-dash-words', args: script('list ---all') },
  { name: 'parse-double-dash', args: script('dominfo -- test; list --') },
  { name: 'parse-double-dash-option-word', args: script('list -- --all') },
  { name: 'parse-comment-newline', args: script('uri # comment; hostname\nhostname #x\n# whole line\nuri') },
  { name: 'parse-continuation', args: script('echo a\\\nb; echo "x\ny"') },
  { name: 'parse-empty-commands', args: script(';;list;;') },
  { name: 'parse-blank', args: script('   ') },
  { name: 'parse-empty-string', args: script('') },
  { name: 'parse-empty-word-command', args: [...T, '', ''] },
  { name: 'argv-words-literal', args: [...T, 'echo', 'a;b', 'c d'] },
  { name: 'argv-semicolon-is-data', args: [...T, 'uri', ';', 'hostname'] },
  { name: 'empty-option-value', args: script('dominfo ""; dominfo --domain=') },
  { name: 'bad-numbers', args: script('setmem test abc; setmem test -5; setmem test 1.5; setmem test 0x10; setmem test 99999999999999999999; setvcpus test -1; setvcpus test 1x; setvcpus test 4294967296; setvcpus test 0; setvcpus test 3') },
  { name: 'good-numbers', args: script('setmem test 10b; setmem test 10KiB; setmem test 10kb; setmem test 1M; setvcpus test +1; setvcpus test 01; setvcpus test " 2"; dominfo test') },
  { name: 'setmem-too-big', args: script('setmem test 9999999999') },
  { name: 'dumpxml-flags', args: script('dumpxml test --inactive; dumpxml test --security-info --migratable') },
  { name: 'reboot-modes', args: script('reboot test --mode=acpi,agent; reboot test --mode bogus; shutdown test --mode bogus') },
  { name: 'scope-config', args: script('setmem test 1048576 --config; dominfo test; dumpxml test --inactive; setmaxmem test 1048576 --config; setvcpus test 1 --config; dumpxml test --inactive') },
  { name: 'scope-live', args: script('setmem test 1048576 --live; setmaxmem test 1048576 --live; setvcpus test 1 --live; dominfo test; destroy test; setmem test 1048576 --live; setvcpus test 1 --live') },
  { name: 'scope-maximum', args: script('setvcpus test 1 --maximum --config; dumpxml test --inactive; setvcpus test 1 --config --guest; destroy test; setmaxmem test 1048576 --config; dominfo test') },
  { name: 'scope-exclusive', args: script('setmem test 1 --live --current; setmem test 1 --config --current; setvcpus test 2 --maximum') },
  { name: 'mode-errors', args: script('shutdown test bogus; reboot test bogusmode') },
  {
    name: 'no-uri',
    args: ['list'],
    knownDifference: {
      lines: /^error: (Failed to connect socket to '\/var\/run\/libvirt\/libvirt-sock'|no connection URI given and no Xen host found)/,
      reason: 'with no URI, virsh 9 asks libvirtd; libvirt-ts picks xen:/// on a Xen host, else says to use -c test:///default',
    },
  },
  {
    name: 'connect-empty-is-default',
    args: script('connect ""; uri'),
    knownDifference: {
      lines: /^error: (Failed to connect socket to '\/var\/run\/libvirt\/libvirt-sock'|no connection URI given and no Xen host found)/,
      reason: 'the default URI: virsh 9 asks libvirtd; libvirt-ts looks for a Xen host, else says to use -c test:///default',
    },
  },
  { name: 'bad-uri', args: ['-c', 'bogus:///x', 'list'], knownDifference: NO_DAEMON },
  { name: 'help-option-turns-into-help', args: script('list --help; dominfo --help test; help --x list; help list extra') },
  { name: 'help-list', args: [...T, 'help', 'list'] },
  { name: 'help-dominfo', args: [...T, 'help', 'dominfo'] },
  { name: 'help-nosuch', args: [...T, 'help', 'frobnicate'] },
  { name: 'help-missing-value', args: [...T, 'help', '--command'] },
  { name: 'help-every-command', args: script('help connect; help create; help destroy; help domid; help dominfo; help domname; help domstate; help domuuid; help dumpxml; help help; help list; help nodeinfo; help quit; help reboot; help restore; help resume; help save; help shutdown; help suspend; help version; help define; help undefine; help start; help setmem; help setmaxmem; help setvcpus; help uri; help hostname; help capabilities; help exit; help echo; help cd; help pwd') },
  // event: on test:///default one virsh cannot act while it waits, so these are its options, errors
  // and timeouts; events themselves are compared through libvirtd (virt's events tests).
  { name: 'event-list', args: [...T, 'event', '--list'] },
  { name: 'event-errors', args: script('event; event --all --event lifecycle; event --list --all; event --list --event reboot; event --event foo; event --all --timeout 0; event --all --timeout abc; event --all --timeout 2147484; event --domain nosuch --all --timeout 1') },
  { name: 'event-timeout', args: script('event --all --timeout 1; event test lifecycle 1; event --domain 1 --event reboot --loop --timeout 1 --timestamp; event lifecycle') },
  { name: 'help-event', args: [...T, 'help', 'event'] },
  { name: 'help-group-events', args: [...T, 'help', 'events'] },
  { name: 'help-all', args: [...T, 'help'], compare: 'subset' },
  { name: 'help-group', args: [...T, 'help', 'virsh'] },
  { name: 'help-group-monitor', args: [...T, 'help', 'monitor'], compare: 'subset' },
  { name: 'usage', args: ['-h'], compare: 'subset' },
  { name: 'usage-after-connect', args: [...T, '-h', 'list'], compare: 'subset' },

  // Global options.
  { name: 'version-short', args: ['-v'] },
  { name: 'version-long-word', args: ['--version'] },
  { name: 'version-equals-short', args: ['--version=short'] },
  { name: 'unknown-short-option', args: ['-x'] },
  { name: 'unknown-long-option', args: ['--bogus'] },
  { name: 'missing-connect-value', args: ['-c'] },
  { name: 'missing-debug-value', args: ['-d'] },
  { name: 'bad-debug', args: ['-d', 'abc', ...T, 'list'] },
  { name: 'debug-0', args: ['-d', '0', ...T, 'domstate test; dominfo --domain 1; domname 6695eb01-f6a4-8304-79aa-97f2502e193f; suspend nosuch; echo a'] },
  { name: 'debug-1', args: ['-d', '1', ...T, 'domstate test; dominfo 1'] },
  { name: 'debug-argv', args: ['-d', '0', ...T, 'domstate', 'test'] },
  { name: 'timing', args: ['-t', ...T, 'domstate test; resume test'] },
  { name: 'debug-out-of-range', args: ['-d', '9', ...T, 'list'] },
  { name: 'quiet-list', args: ['-q', ...T, 'list'] },
  { name: 'quiet-script', args: ['-q', ...T, 'suspend test; resume test; echo hi; list --name'] },
  { name: 'log-file-unwritable', args: ['-l', '/nonexistent-dir/virsh.log', ...T, 'uri'] },
  { name: 'log-file', args: ['-l', '@TMP/virsh.log', ...T, 'domstate test; dominfo nosuch'] },
  { name: 'double-dash-before-command', args: [...T, '--', 'list'] },

  // Custom node files (test:///ABSOLUTE/PATH/node.xml).
  { name: 'node1-list', args: ['-c', 'test://@NODES/node1.xml', 'list --all; list --title; nodeinfo'] },
  { name: 'node1-dominfo', args: ['-c', 'test://@NODES/node1.xml', 'dominfo fc4; dominfo extra; dumpxml extra'] },
  { name: 'node-states', args: ['-c', 'test://@NODES/node-states.xml', 'list --all; list --inactive; list --state-paused; list --state-other --all; list --transient; list --persistent --all; list --all --name; list --all --uuid; list --all --id; list --all --title'] },
  { name: 'node-states-reasons', args: ['-c', 'test://@NODES/node-states.xml', 'domstate Alpha --reason; domstate beta-paused --reason; domstate gamma-off --reason; domstate epsilon-crashed --reason; dominfo zeta-transient; dominfo delta'] },
  { name: 'node-states-lifecycle', args: ['-c', 'test://@NODES/node-states.xml', 'start delta; start Alpha; resume beta-paused; destroy zeta-transient; list --all; undefine gamma-off; list --all'] },
  { name: 'node-states-filters', args: ['-c', 'test://@NODES/node-states.xml', 'list --all --managed-save; list --state-shutoff; list --no-autostart --all; list --without-managed-save --inactive; list --name --id --uuid --all'] },
  { name: 'node-states-transitions', args: ['-c', 'test://@NODES/node-states.xml', 'suspend epsilon-crashed; resume beta-paused; domstate beta-paused --reason; shutdown Alpha; domstate Alpha --reason; start gamma-off; domstate gamma-off --reason; undefine zeta-transient; destroy zeta-transient; list --all'] },
  { name: 'node-states-resources', args: ['-c', 'test://@NODES/node-states.xml', 'setmaxmem delta 100000; setmem delta 50000; setvcpus delta 1; dominfo delta; setvcpus delta 5; setmem Alpha 99999999; save beta-paused @TMP/bp.img; restore @TMP/bp.img; domstate beta-paused --reason; dumpxml delta'] },
  { name: 'timing-errors', args: ['-t', ...T, 'resume test; frob'] },
  { name: 'node-bad-mhz', args: ['-c', 'test://@NODES/bad-mhz.xml', 'list'] },
  { name: 'node-not-node', args: ['-c', 'test://@NODES/not-node.xml', 'list'] },
  {
    name: 'node-missing',
    args: ['-c', 'test://@NODES/missing.xml', 'list'],
    knownDifference: { lines: /^I\/O warning : failed to load external entity/, reason: "libxml2's own stderr warning, printed by the C library" },
  },

  // XML limits as libxml2's (generated inputs): depth, text runs, NUL bytes, file size.
  { name: 'define-depth-257-accepted', args: [...T, 'define', '@TMP/d.xml'], files: { 'd.xml': () => nestedDomain(257) } },
  { name: 'define-depth-258-refused', args: [...T, 'define', '@TMP/d.xml'], files: { 'd.xml': () => nestedDomain(258) } },
  { name: 'create-depth-5000-refused', args: [...T, 'create', '@TMP/d.xml'], files: { 'd.xml': () => nestedDomain(5000) } },
  { name: 'define-text-10m-accepted', args: [...T, 'define', '@TMP/d.xml'], files: { 'd.xml': () => domainWithText('x'.repeat(10_400_000)) } },
  { name: 'define-file-over-10mib', args: [...T, 'define', '@TMP/d.xml'], files: { 'd.xml': () => domainWithText('x'.repeat(11_000_000)) } },
  { name: 'node-text-at-limit', args: ['-c', 'test://@TMP/node.xml', 'list'], files: { 'node.xml': () => nodeWithText('x'.repeat(10_000_000)) } },
  {
    name: 'node-text-just-over-limit',
    args: ['-c', 'test://@TMP/node.xml', 'list'],
    files: { 'node.xml': () => nodeWithText('x'.repeat(10_000_001)) },
    knownDifference: HUGE_TEXT_WARNING,
  },

  // Interactive mode off a terminal: banner, echoed lines, prompt, final newline.
  { name: 'interactive-empty-stdin', args: T, env: { XDG_CACHE_HOME: '@TMP/cache' } },
  { name: 'interactive-lines', args: T, input: 'list\nbogus\ndomstate test; frob\n\nsuspend test\nlist\n', env: { XDG_CACHE_HOME: '@TMP/cache' } },
  { name: 'interactive-quiet-quit', args: ['-q', ...T], input: 'quit\nlist\n', env: { XDG_CACHE_HOME: '@TMP/cache' } },
  { name: 'interactive-readonly-prompt', args: ['-r', ...T], input: 'destroy test\nconnect test:///default\ndestroy test\n', env: { XDG_CACHE_HOME: '@TMP/cache' } },
  { name: 'interactive-cd-pwd', args: ['-q', ...T], input: 'cd /nonexistent-dir\ncd /\npwd\n', env: { XDG_CACHE_HOME: '@TMP/cache' } },
  ...DEVICE_CASES,
  ...INTERFACE_CASES,
  ...DAILY_CASES,
  ...AUTH_CASES,
  ...DIFFERENCE_CASES,
  // libvirt's own virsh tests (libvirt-virsh-cases.ts), those not waiting for a command we lack
  ...LIBVIRT_CASES.filter((c) => pendingFor(c).length === 0 && !(c.name in DIFFERING)),
  ...VCPU_CASES,
  ...SNAPSHOT_CASES,
  ...BLKIOTUNE_CASES,
  ...CHECKPOINT_CASES,
];
