import { XendError } from '../errors/xend-error.js';
import { describeRequest, type XendHttpRequest, type XendHttpResponse } from './http-exchange.js';
import { bodyReportsFailure, xendErrorText } from './answer-body.js';

/**
 * Turns an answer into success or a XendError, as libvirt's http2unix and xend_get/xend_post:
 * 2xx is success, except a POST whose body reports failure (see bodyReportsFailure); 404 is NO_DOMAIN; 500 is xend reporting the request failed (GET_FAILED /
 * POST_FAILED with its text); any other status is HTTP_ERROR.
 */
export function checkAnswer(request: XendHttpRequest, response: XendHttpResponse, endpoint: string): void {
  const { status, body } = response;
  const what = describeRequest(request);
  const failedCode = request.method === 'GET' ? 'GET_FAILED' : 'POST_FAILED';
  const text = xendErrorText(body);
  const fail = (code: XendError['code'], message: string): never => {
    throw new XendError({
      code,
      message: `${what} on ${endpoint}: ${message}`,
      endpoint,
      request: what,
      status,
      xendMessage: text,
    });
  };

  if (status >= 200 && status < 300) {
    if (request.method === 'POST' && bodyReportsFailure(body)) {
      fail('POST_FAILED', `xend reports failure: ${text ?? body.trim()}`);
    }
    return;
  }
  if (status === 404) fail('NO_DOMAIN', `not found${text === undefined ? '' : `: ${text}`}`);
  if (status === 500) fail(failedCode, `xend reports failure: ${text ?? '(no text)'}`);
  fail('HTTP_ERROR', `unexpected HTTP status ${status}${text === undefined ? '' : `: ${text}`}`);
}
