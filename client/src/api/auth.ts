import type { z } from 'zod';
import {
  type InstanceSettings,
  instanceSettingsSchema,
  sessionSchema,
  type User,
  userSchema,
} from '../../../shared/api/index.ts';
import { type ApiResult, getJson, postJson, putJson } from './http.ts';

export type SessionInfo = z.infer<typeof sessionSchema>;

/**
 * Who is signed in (null when nobody is) and whether the instance still has no account.
 * Always answers 200, so a signed-out first paint logs no failed request in the console.
 */
export function fetchSession(signal?: AbortSignal): Promise<ApiResult<SessionInfo>> {
  return getJson('/api/auth/session', sessionSchema, signal);
}

/** The signed-in user (GET /api/auth/me); 401 when nobody is signed in. */
export function fetchMe(signal?: AbortSignal): Promise<ApiResult<User>> {
  return getJson('/api/auth/me', userSchema, signal);
}

export function login(email: string, password: string): Promise<ApiResult<User>> {
  return postJson('/api/auth/login', { email, password }, userSchema);
}

/** Creates an account (the first, or any while sign-up is open); 403 `signup_closed` otherwise. */
export function signup(input: {
  email: string;
  password: string;
  name: string;
}): Promise<ApiResult<User>> {
  return postJson('/api/auth/signup', input, userSchema);
}

export function logout(): Promise<ApiResult<undefined>> {
  return postJson('/api/auth/logout', {});
}

/** Changes the password; the server ends the account's other sessions. */
export function changePassword(
  currentPassword: string,
  newPassword: string,
): Promise<ApiResult<undefined>> {
  return postJson('/api/auth/password', { currentPassword, newPassword });
}

/** The instance's settings (instance admins only). */
export function fetchInstanceSettings(signal?: AbortSignal): Promise<ApiResult<InstanceSettings>> {
  return getJson('/api/instance/settings', instanceSettingsSchema, signal);
}

/** Changes the instance's settings (instance admins only); answers the stored settings. */
export function saveInstanceSettings(
  settings: InstanceSettings,
): Promise<ApiResult<InstanceSettings>> {
  return putJson('/api/instance/settings', settings, instanceSettingsSchema);
}
