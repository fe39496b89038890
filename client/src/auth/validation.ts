import { emailSchema, passwordSchema } from '../../../shared/api/index.ts';
import type { MessageKey } from '../i18n/messages.ts';

/** A form's errors: one message per invalid field. */
export type FieldErrors<Field extends string> = Partial<Record<Field, MessageKey>>;

export function hasErrors(errors: Partial<Record<string, MessageKey>>): boolean {
  return Object.values(errors).some((error) => error !== undefined);
}

/** Drops the fields without an error (exactOptionalPropertyTypes forbids explicit undefined). */
function only<Field extends string>(
  entries: ReadonlyArray<readonly [Field, MessageKey | undefined]>,
): FieldErrors<Field> {
  const errors: FieldErrors<Field> = {};
  for (const [field, error] of entries) if (error !== undefined) errors[field] = error;
  return errors;
}

/** The same rules as the server's schemas, checked before sending so errors show at once. */
export function checkEmail(email: string): MessageKey | undefined {
  if (email.trim() === '') return 'form.emailRequired';
  return emailSchema.safeParse(email.trim()).success ? undefined : 'form.emailInvalid';
}

export function checkName(name: string): MessageKey | undefined {
  if (name.trim() === '') return 'form.nameRequired';
  return name.trim().length > 100 ? 'form.nameTooLong' : undefined;
}

/** A new password: at least 10 characters (the server's rule), at most 200. */
export function checkNewPassword(password: string): MessageKey | undefined {
  if (password === '') return 'form.passwordRequired';
  const result = passwordSchema.safeParse(password);
  if (result.success) return undefined;
  return password.length < 10 ? 'form.passwordTooShort' : 'form.passwordTooLong';
}

export type LoginField = 'email' | 'password';

export function validateLogin(values: Record<LoginField, string>): FieldErrors<LoginField> {
  return only<LoginField>([
    ['email', checkEmail(values.email)],
    ['password', values.password === '' ? 'form.passwordRequired' : undefined],
  ]);
}

export type AccountField = 'name' | 'email' | 'password';

/** Sign-up and "accept an invitation by creating an account" ask the same three things. */
export function validateNewAccount(
  values: Record<AccountField, string>,
): FieldErrors<AccountField> {
  return only<AccountField>([
    ['name', checkName(values.name)],
    ['email', checkEmail(values.email)],
    ['password', checkNewPassword(values.password)],
  ]);
}

export type PasswordChangeField = 'currentPassword' | 'newPassword' | 'confirmPassword';

export function validatePasswordChange(
  values: Record<PasswordChangeField, string>,
): FieldErrors<PasswordChangeField> {
  let confirm: MessageKey | undefined;
  if (values.confirmPassword === '') confirm = 'account.confirmRequired';
  else if (values.confirmPassword !== values.newPassword) confirm = 'account.confirmMismatch';
  let newPassword = checkNewPassword(values.newPassword);
  if (newPassword === undefined && values.newPassword === values.currentPassword) {
    newPassword = 'account.passwordUnchanged';
  }
  return only<PasswordChangeField>([
    ['currentPassword', values.currentPassword === '' ? 'account.currentRequired' : undefined],
    ['newPassword', newPassword],
    ['confirmPassword', confirm],
  ]);
}
