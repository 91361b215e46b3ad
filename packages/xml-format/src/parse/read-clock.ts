// <clock>: guest time offset and timers; libvirt's default is offset='utc'.
import type { ClockConfig, ClockTimer } from '../model/domain.js';
import { CLOCK_BASES, CLOCK_OFFSETS, TIMER_MODES, TIMER_NAMES, TIMER_TICK_POLICIES, TIMER_TRACKS } from '../model/domain.js';
import type { ElementReader } from './element-reader.js';

export function readClock(clock: ElementReader | undefined): ClockConfig {
  if (clock === undefined) return { offset: 'utc', timers: [] };
  const config: ClockConfig = {
    offset: clock.enumAttribute('offset', CLOCK_OFFSETS) ?? 'utc',
    timers: clock.children('timer').map(readTimer),
  };
  if (clock.attribute('adjustment') === 'reset') config.adjustment = 'reset';
  else {
    const adjustment = clock.integerAttribute('adjustment');
    if (adjustment !== undefined) config.adjustment = adjustment;
  }
  const basis = clock.enumAttribute('basis', CLOCK_BASES);
  if (basis !== undefined) config.basis = basis;
  const timezone = clock.attribute('timezone');
  if (timezone !== undefined) config.timezone = timezone;
  return config;
}

function readTimer(timer: ElementReader): ClockTimer {
  const name = timer.enumAttribute('name', TIMER_NAMES);
  if (name === undefined) timer.missingAttribute('name');
  const config: ClockTimer = { name };
  const present = timer.booleanAttribute('present');
  if (present !== undefined) config.present = present;
  const tickpolicy = timer.enumAttribute('tickpolicy', TIMER_TICK_POLICIES);
  if (tickpolicy !== undefined) config.tickpolicy = tickpolicy;
  const track = timer.enumAttribute('track', TIMER_TRACKS);
  if (track !== undefined) config.track = track;
  const mode = timer.enumAttribute('mode', TIMER_MODES);
  if (mode !== undefined) config.mode = mode;
  return config;
}
