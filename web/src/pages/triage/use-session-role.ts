import { getJson } from '../../api/http.ts';
import type { Session } from '../../api/session.ts';
import { useLoad } from '../../hooks.ts';

/** The signed-in session (role), read once per page: what the triage controls may offer. */
export function useSessionInfo(): Session | null {
  return useLoad('session', (signal) => getJson<Session>('/api/session', signal)).data;
}
