// The small devices: controller, input, sound, video, hostdev, memballoon.
import type { ControllerConfig, HostdevConfig, InputConfig, MemballoonConfig, SoundConfig, VideoConfig } from '../model/devices.js';
import {
  CONTROLLER_TYPES,
  INPUT_BUSES,
  INPUT_TYPES,
  MEMBALLOON_MODELS,
  SOUND_MODELS,
  VIDEO_MODEL_TYPES,
} from '../model/devices.js';
import { withDefined } from '../values/defined.js';
import type { ElementReader } from './element-reader.js';
import { readAddress, readPciSourceAddress } from './read-address.js';

function requireEnum<T extends string>(element: ElementReader, name: string, allowed: readonly T[]): T {
  const value = element.enumAttribute(name, allowed);
  if (value === undefined) element.missingAttribute(name);
  return value;
}

/** `previous` counts the controllers of the same type before this one: libvirt numbers unindexed ones in order. */
export function readController(controller: ElementReader, previous: number): ControllerConfig {
  return withDefined<ControllerConfig>(
    { type: requireEnum(controller, 'type', CONTROLLER_TYPES), index: controller.unsignedAttribute('index') ?? previous },
    {
      model: controller.attribute('model'),
      ports: controller.unsignedAttribute('ports'),
      maxGrantFrames: controller.unsignedAttribute('maxGrantFrames'),
      maxEventChannels: controller.unsignedAttribute('maxEventChannels'),
      address: readAddress(controller),
    },
  );
}

export function readInput(input: ElementReader): InputConfig {
  return withDefined<InputConfig>({ type: requireEnum(input, 'type', INPUT_TYPES) }, { bus: input.enumAttribute('bus', INPUT_BUSES) });
}

export function readSound(sound: ElementReader): SoundConfig {
  return { model: requireEnum(sound, 'model', SOUND_MODELS) };
}

export function readVideo(video: ElementReader): VideoConfig {
  const model = video.child('model');
  if (model === undefined) video.missingElement('XML_ERROR', 'missing <model> in <video>');
  return withDefined<VideoConfig>(
    {
      model: withDefined<VideoConfig['model']>(
        { type: requireEnum(model, 'type', VIDEO_MODEL_TYPES) },
        {
          vram: model.unsignedAttribute('vram'),
          heads: model.unsignedAttribute('heads'),
          primary: model.booleanAttribute('primary'),
        },
      ),
    },
    { address: readAddress(video) },
  );
}

export function readHostdev(hostdev: ElementReader): HostdevConfig {
  requireEnum(hostdev, 'mode', ['subsystem'] as const);
  requireEnum(hostdev, 'type', ['pci'] as const);
  const source = hostdev.child('source');
  const address = source?.child('address');
  if (address === undefined) hostdev.missingElement('NO_SOURCE', 'missing <source><address> for PCI hostdev');
  return withDefined<HostdevConfig>(
    { mode: 'subsystem', type: 'pci', source: readPciSourceAddress(address) },
    {
      managed: hostdev.booleanAttribute('managed'),
      driver: hostdev.child('driver')?.attribute('name'),
      writeFiltering: source?.booleanAttribute('writeFiltering'),
    },
  );
}

export function readMemballoon(memballoon: ElementReader): MemballoonConfig {
  return withDefined<MemballoonConfig>(
    { model: requireEnum(memballoon, 'model', MEMBALLOON_MODELS) },
    { address: readAddress(memballoon) },
  );
}
