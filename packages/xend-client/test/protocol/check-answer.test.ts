import { describe, expect, it } from 'vitest';
import { XendError } from '../../src/errors/xend-error.js';
import { checkAnswer } from '../../src/protocol/check-answer.js';
import type { XendHttpRequest } from '../../src/protocol/http-exchange.js';

const get: XendHttpRequest = { method: 'GET', path: '/xend/domain/pvtest?detail=1' };
const post: XendHttpRequest = { method: 'POST', path: '/xend/domain/pvtest', form: [['op', 'pause']] };
const endpoint = 'unix:/var/lib/xend/xend-socket';

function failure(request: XendHttpRequest, status: number, body: string): XendError {
  try {
    checkAnswer(request, { status, body }, endpoint);
  } catch (error) {
    if (XendError.isInstance(error)) return error;
    throw error;
  }
  throw new Error(`status ${status} was accepted`);
}

describe('checkAnswer', () => {
  it.each([200, 201, 202, 204])('accepts %i', (status) => {
    expect(() => checkAnswer(get, { status, body: '(domain)' }, endpoint)).not.toThrow();
    expect(() => checkAnswer(post, { status, body: '' }, endpoint)).not.toThrow();
  });

  it('is NO_DOMAIN on 404 with xend text', () => {
    const error = failure(get, 404, "(xend.err 'No such domain pvtest')");
    expect(error).toMatchObject({ code: 'NO_DOMAIN', status: 404, xendMessage: 'No such domain pvtest', endpoint });
    expect(error.message).toContain('GET /xend/domain/pvtest?detail=1');
  });

  it('is GET_FAILED / POST_FAILED on 500 with the text inside xend.err', () => {
    expect(failure(get, 500, "(xend.err 'Boom')")).toMatchObject({ code: 'GET_FAILED', xendMessage: 'Boom' });
    const error = failure(post, 500, "(xend.err 'Cannot pause privileged domain 0')");
    expect(error).toMatchObject({ code: 'POST_FAILED', status: 500, xendMessage: 'Cannot pause privileged domain 0' });
    expect(error.message).toContain('op=pause');
  });

  it('keeps a body that is not xend.err as the text', () => {
    expect(failure(post, 500, '<p>it broke</p>\n').xendMessage).toBe('<p>it broke</p>');
    expect(failure(post, 500, "(xend.err 'unterminated").xendMessage).toBe("(xend.err 'unterminated");
  });

  it('treats a 2xx POST whose text says failed as POST_FAILED, as libvirt', () => {
    expect(failure(post, 200, 'Domain save failed: disk full')).toMatchObject({ code: 'POST_FAILED', status: 200 });
    expect(failure(post, 202, "(xend.err 'no')")).toMatchObject({ code: 'POST_FAILED', xendMessage: 'no' });
  });

  it('does not take "failed" inside a well-formed record for a failure', () => {
    expect(() => checkAnswer(post, { status: 201, body: '(domain (domid 3) (name failed-over))' }, endpoint)).not.toThrow();
    expect(failure(post, 200, '(domain (name failed').code).toBe('POST_FAILED');
  });

  it('does not apply the failed rule to GET', () => {
    expect(() => checkAnswer(get, { status: 200, body: "(domain (name failed))" }, endpoint)).not.toThrow();
  });

  it.each([301, 400, 406, 501, 503, 0])('is HTTP_ERROR with the status for %i', (status) => {
    expect(failure(post, status, 'Operation not implemented: x')).toMatchObject({ code: 'HTTP_ERROR', status });
  });
});
