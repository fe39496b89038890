import { z } from 'zod';

/** Passwords: long enough to resist guessing; the upper bound keeps hashing cheap to refuse. */
export const passwordSchema = z
  .string()
  .min(10, 'password must be at least 10 characters')
  .max(200, 'password must be at most 200 characters');

export const emailSchema = z
  .email()
  .max(254)
  .transform((email) => email.toLowerCase());

export const personNameSchema = z.string().trim().min(1).max(100);

export const signupRequestSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  name: personNameSchema,
});

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(200),
});

export const passwordChangeRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: passwordSchema,
});

/** The signed-in user as the API shows it (never the password hash). */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
});

export const bearerTokenSchema = z.object({
  token: z.string(),
  /** ISO time after which the token is refused. */
  expiresAt: z.string(),
});

/**
 * For the first paint: who is signed in, whether sign-up is open (an empty instance, or an admin
 * allowed it), and whether the next account is the first one (it becomes the instance admin).
 */
export const sessionSchema = z.object({
  user: userSchema.nullable(),
  signupOpen: z.boolean(),
  firstAccount: z.boolean(),
});

/** Settings of the whole instance, changed by an instance admin. */
export const instanceSettingsSchema = z.object({
  /** Anyone may create an account without an invitation (default off). */
  openSignup: z.boolean(),
});

export type SignupRequest = z.infer<typeof signupRequestSchema>;
export type LoginRequest = z.infer<typeof loginRequestSchema>;
export type User = z.infer<typeof userSchema>;
export type BearerToken = z.infer<typeof bearerTokenSchema>;
export type InstanceSettings = z.infer<typeof instanceSettingsSchema>;
