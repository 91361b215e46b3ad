// The small devices: controller, input, sound, video, hostdev, memballoon.
import type { ControllerConfig, HostdevConfig, InputConfig, MemballoonConfig, SoundConfig, VideoConfig } from '../model/devices.js';
import { formatAddress, pciFields } from './format-address.js';
import { yesNo } from './values.js';
import type { XmlWriter } from './xml-writer.js';

export function formatController(out: XmlWriter, controller: ControllerConfig): void {
  out.element(
    'controller',
    [
      ['type', controller.type],
      ['index', controller.index],
      ['model', controller.model],
    ],
    () => formatAddress(out, controller.address),
  );
}

export function formatInput(out: XmlWriter, input: InputConfig): void {
  out.empty('input', [
    ['type', input.type],
    ['bus', input.bus],
  ]);
}

export function formatSound(out: XmlWriter, sound: SoundConfig): void {
  out.empty('sound', [['model', sound.model]]);
}

export function formatVideo(out: XmlWriter, video: VideoConfig): void {
  out.element('video', [], () => {
    out.empty('model', [
      ['type', video.model.type],
      ['vram', video.model.vram],
      ['heads', video.model.heads],
      ['primary', yesNo(video.model.primary)],
    ]);
    formatAddress(out, video.address);
  });
}

export function formatHostdev(out: XmlWriter, hostdev: HostdevConfig): void {
  out.element(
    'hostdev',
    [
      ['mode', hostdev.mode],
      ['type', hostdev.type],
      ['managed', yesNo(hostdev.managed)],
    ],
    () => {
      if (hostdev.driver !== undefined) out.empty('driver', [['name', hostdev.driver]]);
      out.element('source', [], () => out.empty('address', pciFields(hostdev.source)));
    },
  );
}

export function formatMemballoon(out: XmlWriter, memballoon: MemballoonConfig): void {
  out.element('memballoon', [['model', memballoon.model]], () => formatAddress(out, memballoon.address));
}
