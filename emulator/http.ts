/** The wire between every face of the emulator and the emulated Google: an HTTP exchange in Google's JSON format. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** full URL, e.g. https://chat.googleapis.com/v1/spaces/AAA/members?pageSize=1000 */
  url: string;
  /** header names lower-case; `authorization: Bearer <token>` identifies the caller */
  headers: Record<string, string>;
  /** JSON text, when the method has a body */
  body?: string;
}

export interface HttpResponse {
  status: number;
  /** header names lower-case, e.g. content-type, retry-after */
  headers: Record<string, string>;
  /** JSON text ('' for none) */
  body: string;
}
