/**
 * One strict policy for everything the server sends (the web apps under any path, the API's JSON),
 * and a relaxed one only for the OpenAPI page, whose Swagger UI needs inline code and styles. So a
 * new web app is covered the moment it is served, without being added to a list.
 */
type Directives = Record<string, string[]>;

const STRICT: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'media-src': ["'self'", 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  // No upgrade-insecure-requests: TLS is the reverse proxy's job, and forcing https/wss would break
  // a kiosk reaching the server over plain HTTP on an office LAN (and every test host but localhost).
};

const API_DOCS: Directives = {
  ...STRICT,
  'script-src': ["'self'", "'unsafe-inline'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

/** Where SwaggerModule serves the OpenAPI page, its assets and the JSON document. */
export const API_DOCS_PATH = 'api/docs';
const API_DOCS_URL = new RegExp(`^/${API_DOCS_PATH}(?:[/?]|$)`);

function serialise(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

const STRICT_POLICY = serialise(STRICT);
const API_DOCS_POLICY = serialise(API_DOCS);

export function contentSecurityPolicyFor(url: string): string {
  return API_DOCS_URL.test(url) ? API_DOCS_POLICY : STRICT_POLICY;
}
