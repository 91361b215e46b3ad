import type { DomainConfig } from '@libvirt-ts/xml-format';

/**
 * What a domain says in terms every libvirt era and both directions of the converter share:
 * identity, memory, vcpus, boot, lifecycle, and the disks, interfaces and graphics, without
 * layout details (element order, defaults libvirt added later, disk name suffixes).
 */
export function legacyView(domain: DomainConfig) {
  return {
    id: domain.id,
    name: domain.name,
    uuid: domain.uuid,
    memory: domain.memory,
    vcpus: domain.vcpu.count,
    bootloader: domain.bootloader,
    os: {
      type: domain.os.type,
      kernel: domain.os.kernel,
      initrd: domain.os.initrd,
      cmdline: domain.os.cmdline,
      loader: domain.os.loader?.path,
      boot: domain.os.bootDevices,
    },
    lifecycle: [domain.onPoweroff, domain.onReboot, domain.onCrash],
    acpi: domain.features?.acpi ?? false,
    emulator: domain.devices.emulator,
    disks: domain.devices.disks.map((disk) => ({
      device: disk.device,
      source: disk.source?.file ?? disk.source?.dev,
      target: disk.target.dev.replace(/:(disk|cdrom)$/, ''),
      readonly: disk.readonly ?? false,
    })),
    interfaces: domain.devices.interfaces.map((net) => ({
      type: net.type,
      mac: net.mac,
      bridge: net.source?.bridge,
      script: net.script,
      ips: net.ips.map((ip) => ip.address),
    })),
    graphics: domain.devices.graphics.map((graphics) => graphics.type),
  };
}
