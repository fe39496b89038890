import type { ApiFailure } from '../api/http.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** What the person is told for each stable error code of the API. */
const messagesByCode: Record<string, MessageKey> = {
  invalid_credentials: 'error.invalidCredentials',
  too_many_attempts: 'error.tooManyAttempts',
  signup_closed: 'error.signupClosed',
  email_taken: 'error.emailTaken',
  invitation_not_found: 'error.invitationNotFound',
  invitation_used: 'error.invitationUsed',
  invitation_expired: 'error.invitationExpired',
  invitation_wrong_email: 'error.invitationWrongEmail',
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  not_found: 'error.notFound',
  invalid_request: 'error.invalidRequest',
  cross_site_request: 'error.crossSite',
};

/**
 * The message for a failed API call. The server's own message is English and meant for
 * developers, so the person sees a translated message chosen by the error's code.
 */
export function apiErrorKey(failure: ApiFailure): MessageKey {
  if (failure.kind === 'network') return 'error.network';
  return (
    messagesByCode[failure.code] ?? (failure.status >= 500 ? 'error.server' : 'error.unexpected')
  );
}
