// The signed-in user's token and calls to /api/v1 with it. The tokens live in sessionStorage:
// they go when the tab closes, and no other site can read them. A token from the organisation's
// sign-in provider comes with a refresh token: a request made near its expiry gets a new one first.

const KEY = 'civicspace.token';
const REFRESH = 'civicspace.refresh';
const ID_TOKEN = 'civicspace.id-token';
const REFRESH_BEFORE_MS = 30_000;

// where the token holds the roles, as the gateway says (GET /api/v1/sign-in): dotted when nested
let rolesClaim = 'roles';

export function useRolesClaim(path) {
  if (path) rolesClaim = path;
}

/** The roles at the claim path: the whole name first, then step by step; an array or a string. */
function rolesIn(claims) {
  let value = claims[rolesClaim];
  if (value === undefined) {
    value = rolesClaim.split('.').reduce((at, step) => (at && typeof at === 'object' ? at[step] : undefined), claims);
  }
  if (typeof value === 'string') value = value.split(/[\s,]+/);
  return Array.isArray(value) ? value.filter((role) => typeof role === 'string' && role.trim()).map((role) => role.trim()) : [];
}

/** The signed-in user, or null when there is no token, or it has expired and cannot be refreshed. */
export function session() {
  const token = sessionStorage.getItem(KEY);
  if (!token) return null;
  const claims = claimsOf(token);
  if (!claims || (claims.exp && claims.exp * 1000 <= Date.now() && !sessionStorage.getItem(REFRESH))) {
    signOut();
    return null;
  }
  return {token, user: claims.preferred_username || claims.sub || '?', roles: rolesIn(claims),
    expires: claims.exp ? new Date(claims.exp * 1000) : null};
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
  signOut();
  sessionStorage.setItem(KEY, token.trim());
  return session() !== null;
}

/** Keeps the tokens the provider gave (the answer of POST /api/v1/sign-in/token). */
export function signInWith(tokens) {
  const idToken = tokens.id_token || sessionStorage.getItem(ID_TOKEN);
  if (!signIn(tokens.access_token || '')) return false;
  if (tokens.refresh_token) sessionStorage.setItem(REFRESH, tokens.refresh_token);
  if (idToken) sessionStorage.setItem(ID_TOKEN, idToken);
  return true;
}

/** Forgets every token; answers the provider's id token, for signing out there too. */
export function signOut() {
  const idToken = sessionStorage.getItem(ID_TOKEN);
  [KEY, REFRESH, ID_TOKEN].forEach((key) => sessionStorage.removeItem(key));
  return idToken;
}

let refreshing = null; // one refresh at a time: a provider may accept each refresh token only once

/** The session, with a new token from the provider first when this one expires soon. */
export async function freshSession() {
  const current = session();
  const refresh = sessionStorage.getItem(REFRESH);
  if (!current || !refresh || !current.expires || current.expires.getTime() - Date.now() > REFRESH_BEFORE_MS) {
    return current;
  }
  refreshing = refreshing || refreshWith(refresh).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

async function refreshWith(refresh) {
  const response = await fetch('/api/v1/sign-in/token', {method: 'POST', cache: 'no-store',
    body: new URLSearchParams({grant_type: 'refresh_token', refresh_token: refresh})});
  if (!response.ok || !signInWith({refresh_token: refresh, ...(await response.json())})) {
    signOut();
    window.dispatchEvent(new CustomEvent('civicspace:signed-out'));
    return null;
  }
  return session();
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
  const current = await freshSession();
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
