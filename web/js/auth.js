// How officers sign in. /config.json decides: {"signIn":"local"} (the local stack's issuer, POST /_local/token) or
// {"signIn":"cognito","cognito":{"domain","clientId","redirectUri","scopes"}} (the Cognito Hosted UI, written by
// scripts/deploy-web.sh from the stack's outputs).
//
// Cognito: the authorization code flow with PKCE (RFC 7636, S256). The code verifier waits in sessionStorage only
// while the browser is away at the Hosted UI and is removed the moment it comes back; the code is exchanged at
// {domain}/oauth2/token and taken out of the address bar at once. Tokens never go into a URL or localStorage; the
// refresh token is dropped, so a session lasts as long as its access token.
const PENDING = 'peduli.pkce';
const MAX_AWAY_MS = 10 * 60 * 1000;

export function base64url(bytes) {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A code verifier: 32 random bytes, base64url (43 characters of the unreserved set). */
export const newVerifier = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

/** The S256 code challenge: base64url(SHA-256(ASCII(verifier))). */
export async function challenge(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** The claims of a JWT (read only for display and expiry; the API checks the signature). */
export function claims(token) {
  const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
}

/** The sign-in configuration; null when it cannot be read. */
export async function signInConfig() {
  try {
    const r = await fetch('/config.json', { cache: 'no-cache' });
    const c = r.ok ? await r.json() : null;
    if (c?.signIn === 'cognito' && c.cognito?.domain && c.cognito?.clientId && c.cognito?.redirectUri) return c;
    return c?.signIn === 'local' ? c : null;
  } catch {
    return null;
  }
}

/** Off to the Hosted UI, with a fresh verifier and state kept in this tab for the trip. */
export async function beginCognito(cognito) {
  const verifier = newVerifier();
  const state = newVerifier();
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, at: Date.now() }));
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: cognito.clientId,
    redirect_uri: cognito.redirectUri,
    scope: (cognito.scopes ?? ['openid', 'email']).join(' '),
    state,
    code_challenge_method: 'S256',
    code_challenge: await challenge(verifier),
  });
  location.assign(`${cognito.domain.replace(/\/$/, '')}/oauth2/authorize?${q}`);
}

/**
 * Back from the Hosted UI (?code=…&state=… or ?error=…): exchanges the code for tokens. Answers null when this page
 * load is no such return, else {session} or {error: messageKey}. The verifier is removed whatever happens.
 */
export async function finishCognito(cognito) {
  const q = new URLSearchParams(location.search);
  if (!q.has('code') && !q.has('error')) return null;
  let pending = null;
  try {
    pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  } catch { /* unreadable: as if absent */ }
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', location.pathname + location.hash); // the code leaves the address bar and history
  if (q.has('error')) return { error: q.get('error') === 'access_denied' ? 'officer.signinDenied' : 'officer.signinFailed' };
  if (!pending || pending.state !== q.get('state') || Date.now() - pending.at > MAX_AWAY_MS) {
    return { error: 'officer.signinStale' };
  }
  let r;
  try {
    r = await fetch(`${cognito.domain.replace(/\/$/, '')}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: cognito.clientId,
        code: q.get('code'),
        redirect_uri: cognito.redirectUri,
        code_verifier: pending.verifier,
      }),
    });
  } catch {
    return { error: 'error.network' };
  }
  const body = r.ok ? await r.json().catch(() => null) : null;
  if (!body?.access_token) return { error: 'officer.signinFailed' };
  const access = claims(body.access_token);
  const id = body.id_token ? claims(body.id_token) : {};
  return {
    session: {
      token: body.access_token,
      exp: access.exp,
      sub: id.email ?? access.username ?? id['cognito:username'] ?? access.sub,
      groups: access['cognito:groups'] ?? id['cognito:groups'] ?? [],
      cognito: true,
    },
  };
}

/** Where the Hosted UI ends its own session too, then sends the browser back to the console. */
export function cognitoLogout(cognito) {
  const q = new URLSearchParams({ client_id: cognito.clientId, logout_uri: cognito.redirectUri });
  location.assign(`${cognito.domain.replace(/\/$/, '')}/logout?${q}`);
}
