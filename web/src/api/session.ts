import { ApiError, getJson, postJson, setCsrfToken } from './http.ts';
import type { GetResponse, PostBody } from './openapi.ts';

export type Session = GetResponse<'/api/session'>;
export type SignInBody = PostBody<'/api/sign-in'>;

/** Who is signed in, or null when nobody is (the desk then shows its sign-in page). */
export async function loadSession(): Promise<Session | null> {
  try {
    const session = await getJson<Session>('/api/session');
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(body: SignInBody): Promise<Session> {
  const session = await postJson<Session>('/api/sign-in', body);
  setCsrfToken(session.csrfToken);
  return session;
}

export async function signOut(everywhere: boolean): Promise<void> {
  await postJson<unknown>(everywhere ? '/api/sign-out-everywhere' : '/api/sign-out', {});
  setCsrfToken(null);
}
