import { DomainSchedulerField, TypedParameterType } from '../../constants.js';
import type { SchedulerType, TypedParameter } from '../../types.js';
import { checkFlags } from './test-errors.js';
import { validateParams } from './typed-param-check.js';

/** testDomainGetSchedulerType: every domain of the test driver is under the "fair" scheduler, with one parameter. */
export const TEST_SCHEDULER: Readonly<SchedulerType> = { type: 'fair', nparams: 1 };

/** testDomainGetSchedulerParametersFlags: the weight is always 50 (libvirt 9 keeps no weight); flags must be 0. */
export function schedulerParameters(flags: number): TypedParameter[] {
  checkFlags(flags, 0, 'testDomainGetSchedulerParametersFlags');
  return [{ field: DomainSchedulerField.WEIGHT, type: TypedParameterType.UINT, value: 50 }];
}

/** testDomainSetSchedulerParametersFlags: a weight (UINT) is checked and, as in libvirt 9, not kept; flags must be 0. */
export function checkSchedulerParameters(params: readonly TypedParameter[], flags: number): void {
  checkFlags(flags, 0, 'testDomainSetSchedulerParametersFlags');
  validateParams(params, { [DomainSchedulerField.WEIGHT]: TypedParameterType.UINT });
}
