// The signed-in user's token and calls to /api/v1 with it. The token lives in sessionStorage:
// it goes when the tab closes, and no other site can read it.

const KEY = 'civicspace.token';

/** The token's claims, or null when there is none or it has expired. */
export function session() {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const claims = claimsOf(token);
  if (!claims || (claims.exp && claims.exp * 1000 <= Date.now())) {
    sessionStorage.removeItem(KEY);
    return null;
  }
  const roles = Array.isArray(claims.roles) ? claims.roles : String(claims.roles || '').split(/[ ,]+/).filter(Boolean);
  return {token, user: claims.sub || '?', roles, expires: claims.exp ? new Date(claims.exp * 1000) : null};
}

/** The claims of a JWT, read without checking it (the gateway and the services check it). */
export function claimsOf(token) {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  try {
    const json = atob(parts[1].replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(parts[1].length / 4) * 4, '='));
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
}

export function signIn(token) {
  const claims = claimsOf(token);
  if (!claims) return false;
  sessionStorage.setItem(KEY, token.trim());
  return session() !== null;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

/** Whether the user has one of `roles` (admin may do everything). */
export function may(...roles) {
  const current = session();
  return Boolean(current) && (current.roles.includes('admin') || roles.some((role) => current.roles.includes(role)));
}

/** An error answer of the API, with its problem detail. */
export class ApiError extends Error {
  constructor(status, problem) {
    const fields = (problem.errors || [])
      .map((error) => [error.field || error.parameter, error.message].filter(Boolean).join(': '));
    super([problem.detail || problem.title || `HTTP ${status}`, ...fields].join(' — '));
    this.status = status;
    this.problem = problem;
  }
}

/** fetch() with the user's token; `body` objects are sent as JSON. */
export async function request(path, {method = 'GET', body, headers = {}, signal} = {}) {
  const current = session();
  const sent = {...headers};
  if (current) sent.Authorization = `Bearer ${current.token}`;
  let payload = body;
  if (body !== undefined && !(body instanceof Blob) && typeof body !== 'string') {
    sent['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, {method, headers: sent, body: payload, signal, cache: 'no-store'});
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      problem = {title: response.statusText};
    }
    if (response.status === 401) {
      signOut();
      window.dispatchEvent(new CustomEvent('civicspace:signed-out'));
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

/** The JSON of a request, or null for an empty answer. */
export async function json(path, options) {
  const response = await request(path, options);
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** A query string of the non-empty values of `params`. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && String(value).trim() !== '') search.set(name, String(value).trim());
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
