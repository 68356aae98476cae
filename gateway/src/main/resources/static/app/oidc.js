// Sign-in at the organisation's OpenID Connect provider: the authorization code flow with PKCE
// (RFC 7636) for a public client. The provider sends the browser back to this page with
// ?code=…&state=…; the gateway passes the code exchange on to the provider, so the page never
// talks to another origin. What the round trip needs is kept in sessionStorage until it returns.

import {claimsOf, signInWith, signOut, useRolesClaim} from './api.js';

const PENDING = 'civicspace.sign-in';

let settings = {};

/**
 * Reads the gateway's sign-in settings (GET /api/v1/sign-in) once, at start: where the roles are in
 * a token and, when the organisation has one, its provider. A provider that cannot be reached is
 * told as `unavailable` (the page then offers the pasted token only).
 */
export async function loadSettings() {
  try {
    const response = await fetch('/api/v1/sign-in', {cache: 'no-store'});
    settings = await response.json();
    settings.unavailable = !response.ok;
  } catch {
    settings = {unavailable: true};
  }
  useRolesClaim(settings.rolesClaim);
  return settings;
}

/** The organisation's provider, or null where people paste a token. */
export function provider() {
  return settings.provider || null;
}

/** Whether a provider is configured but could not be reached. */
export function providerUnavailable() {
  return Boolean(settings.unavailable);
}

/** A failed return from the provider; `reason` is an i18n key. */
export class SignInError extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function random(bytes) {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

function redirectUri() {
  return `${window.location.origin}/`;
}

/** Sends the browser to the provider; it comes back to finishSignIn, then to the `next` route. */
export async function startSignIn(provider, next) {
  const verifier = random(32);
  const challenge = base64url(new Uint8Array(
    await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  const pending = {verifier, state: random(16), nonce: random(16), next};
  sessionStorage.setItem(PENDING, JSON.stringify(pending));
  const url = new URL(provider.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code', client_id: provider.clientId, redirect_uri: redirectUri(), scope: provider.scope,
    state: pending.state, nonce: pending.nonce, code_challenge: challenge, code_challenge_method: 'S256',
  }).toString();
  window.location.assign(url.toString());
}

/**
 * When the provider has just sent the browser back, exchanges the code for tokens and answers the
 * route to open; otherwise null. The code leaves the address bar and the history first.
 */
export async function finishSignIn() {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('code') && !params.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  window.history.replaceState(null, '', '/');
  if (params.has('error')) throw new SignInError('signin.refused');
  if (!pending || params.get('state') !== pending.state) throw new SignInError('signin.stale');
  const response = await fetch('/api/v1/sign-in/token', {method: 'POST', cache: 'no-store',
    body: new URLSearchParams({grant_type: 'authorization_code', code: params.get('code'),
      code_verifier: pending.verifier, redirect_uri: redirectUri()})});
  if (!response.ok) throw new SignInError('signin.failed');
  const tokens = await response.json();
  const identity = tokens.id_token ? claimsOf(tokens.id_token) : null;
  if ((identity && identity.nonce !== pending.nonce) || !signInWith(tokens)) {
    signOut();
    throw new SignInError('signin.failed');
  }
  return pending.next && pending.next.startsWith('/') ? pending.next : '/';
}

/** Forgets the tokens here and, when the provider can, ends the session there too. */
export function signOutEverywhere(provider) {
  const idToken = signOut();
  if (!provider || !provider.endSessionEndpoint) return false;
  const url = new URL(provider.endSessionEndpoint);
  url.search = new URLSearchParams({client_id: provider.clientId, post_logout_redirect_uri: redirectUri(),
    ...(idToken ? {id_token_hint: idToken} : {})}).toString();
  window.location.assign(url.toString());
  return true;
}
