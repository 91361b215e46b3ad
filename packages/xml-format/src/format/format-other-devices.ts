// The small devices: controller, input, sound, video, hostdev, memballoon.
import type { ControllerConfig, HostdevConfig, InputConfig, MemballoonConfig, SoundConfig, VideoConfig } from '../model/devices.js';
import { formatAddress, pciFields } from './format-address.js';
import { yesNo } from './values.js';
import type { XmlWriter } from './xml-writer.js';
import { CONTROLLER_TYPES, INPUT_BUSES, INPUT_TYPES, MEMBALLOON_MODELS, SOUND_MODELS, VIDEO_MODEL_TYPES } from '../model/devices.js';

export function formatController(out: XmlWriter, controller: ControllerConfig): void {
  out.element(
    'controller',
    [
      ['type', out.oneOf('type', controller.type, CONTROLLER_TYPES)],
      ['index', controller.index],
      ['model', controller.model],
      ['ports', controller.ports],
      ['maxGrantFrames', controller.maxGrantFrames],
      ['maxEventChannels', controller.maxEventChannels],
    ],
    () => formatAddress(out, controller.address),
  );
}

export function formatInput(out: XmlWriter, input: InputConfig): void {
  out.empty('input', [
    ['type', out.oneOf('type', input.type, INPUT_TYPES)],
    ['bus', out.oneOf('bus', input.bus, INPUT_BUSES)],
  ]);
}

export function formatSound(out: XmlWriter, sound: SoundConfig): void {
  out.empty('sound', [['model', out.oneOf('model', sound.model, SOUND_MODELS)]]);
}

export function formatVideo(out: XmlWriter, video: VideoConfig): void {
  out.element('video', [], () => {
    out.empty('model', [
      ['type', out.oneOf('model.type', video.model.type, VIDEO_MODEL_TYPES)],
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
      out.element('source', [['writeFiltering', yesNo(hostdev.writeFiltering)]], () => out.empty('address', pciFields(hostdev.source)));
    },
  );
}

export function formatMemballoon(out: XmlWriter, memballoon: MemballoonConfig): void {
  out.element('memballoon', [['model', out.oneOf('model', memballoon.model, MEMBALLOON_MODELS)]], () => formatAddress(out, memballoon.address));
}
