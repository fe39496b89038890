import { useState } from 'react';
import { TextField } from '../app/TextField.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { AccountField, FieldErrors } from './validation.ts';

export interface NewAccountForm {
  values: Record<AccountField, string>;
  setValue: (field: AccountField, value: string) => void;
  errors: FieldErrors<AccountField>;
  setErrors: (errors: FieldErrors<AccountField>) => void;
}

/** State of the name, email and password fields (sign-up, and accepting an invitation). */
export function useNewAccountForm(): NewAccountForm {
  const [values, setValues] = useState<Record<AccountField, string>>({
    name: '',
    email: '',
    password: '',
  });
  const [errors, setErrors] = useState<FieldErrors<AccountField>>({});
  return {
    values,
    setValue: (field, value) => setValues((current) => ({ ...current, [field]: value })),
    errors,
    setErrors,
  };
}

/** Name (shown to the others in meetings), email (to sign in) and a new password. */
export function NewAccountFields({ form }: { form: NewAccountForm }) {
  const { t } = useI18n();
  const errorOf = (field: AccountField) => {
    const key = form.errors[field];
    return key === undefined ? undefined : t(key);
  };
  return (
    <>
      <TextField
        label={t('form.name')}
        hint={t('form.nameHint')}
        name="name"
        autoComplete="name"
        maxLength={100}
        value={form.values.name}
        onChange={(value) => form.setValue('name', value)}
        error={errorOf('name')}
      />
      <TextField
        label={t('form.email')}
        type="email"
        name="email"
        autoComplete="username"
        spellCheck={false}
        value={form.values.email}
        onChange={(value) => form.setValue('email', value)}
        error={errorOf('email')}
      />
      <TextField
        label={t('form.newPassword')}
        hint={t('form.passwordHint')}
        type="password"
        name="new-password"
        autoComplete="new-password"
        value={form.values.password}
        onChange={(value) => form.setValue('password', value)}
        error={errorOf('password')}
      />
    </>
  );
}
