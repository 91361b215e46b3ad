/** One request to xend and its answer, independent of the transport that carries them. */
export interface XendHttpRequest {
  readonly method: 'GET' | 'POST';
  /** Path and query, already escaped: `/xend/domain/pvtest?detail=1`. */
  readonly path: string;
  /** Form fields of a POST, sent as application/x-www-form-urlencoded. */
  readonly form?: ReadonlyArray<readonly [string, string]>;
}

export interface XendHttpResponse {
  readonly status: number;
  readonly body: string;
}

/**
 * The form body of a POST. 0.1.3 sent values raw (only space and newline escaped in a
 * config); later libvirt escapes every value, which is what xend's form decoder expects.
 */
export function encodeForm(form: ReadonlyArray<readonly [string, string]>): string {
  return new URLSearchParams(form.map(([key, value]): [string, string] => [key, value])).toString();
}

/** `GET /xend/node/` or `POST /xend/domain/x op=pause`, for error messages. */
export function describeRequest(request: XendHttpRequest): string {
  const line = `${request.method} ${request.path}`;
  if (request.form === undefined || request.form.length === 0) return line;
  const fields = request.form.map(([key, value]) => `${key}=${key === 'config' ? '…' : value}`);
  return `${line} ${fields.join('&')}`;
}
