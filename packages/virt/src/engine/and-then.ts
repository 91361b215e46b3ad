import type { Answer } from '../driver.js';

/**
 * `next` applied to a driver's answer: at once when the driver answered at once, else when its
 * promise resolves. Lets a public call on the test driver cost one promise, not one per step.
 */
export function andThen<T, U>(answer: Answer<T>, next: (value: T) => U): Answer<Awaited<U>> {
  return (answer instanceof Promise ? answer.then(next) : next(answer)) as Answer<Awaited<U>>;
}
