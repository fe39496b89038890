import { describe, expect, it } from 'vitest';
import {
  checkEmail,
  checkNewPassword,
  validateLogin,
  validateNewAccount,
  validatePasswordChange,
} from '../../../client/src/auth/validation.ts';
import {
  isCalendarDate,
  type MeetingFormValues,
  validateBoardForm,
  validateInvitationForm,
  validateMeetingForm,
} from '../../../client/src/boards/validation.ts';

describe('account forms', () => {
  it('asks for every field of a new account and applies the server’s password rule', () => {
    expect(validateNewAccount({ name: ' ', email: '', password: '' })).toEqual({
      name: 'form.nameRequired',
      email: 'form.emailRequired',
      password: 'form.passwordRequired',
    });
    expect(checkNewPassword('123456789')).toBe('form.passwordTooShort');
    expect(checkNewPassword('1234567890')).toBeUndefined();
    expect(checkNewPassword('x'.repeat(201))).toBe('form.passwordTooLong');
    expect(
      validateNewAccount({ name: 'Anna', email: 'anna@example.se', password: 'tio tecken!' }),
    ).toEqual({});
  });

  it('checks email addresses like the server does', () => {
    expect(checkEmail('anna@example.se')).toBeUndefined();
    expect(checkEmail('  anna@example.se  ')).toBeUndefined();
    expect(checkEmail('anna@')).toBe('form.emailInvalid');
    expect(checkEmail('anna example.se')).toBe('form.emailInvalid');
  });

  it('does not judge the length of a password someone signs in with', () => {
    expect(validateLogin({ email: 'anna@example.se', password: 'kort' })).toEqual({});
    expect(validateLogin({ email: 'anna@example.se', password: '' })).toEqual({
      password: 'form.passwordRequired',
    });
  });

  it('wants the new password twice, alike, and different from the current one', () => {
    expect(
      validatePasswordChange({
        currentPassword: '',
        newPassword: 'ett nytt lösenord',
        confirmPassword: 'ett annat lösenord',
      }),
    ).toEqual({
      currentPassword: 'account.currentRequired',
      confirmPassword: 'account.confirmMismatch',
    });
    expect(
      validatePasswordChange({
        currentPassword: 'samma lösenord',
        newPassword: 'samma lösenord',
        confirmPassword: 'samma lösenord',
      }),
    ).toEqual({ newPassword: 'account.passwordUnchanged' });
    expect(
      validatePasswordChange({
        currentPassword: 'gammalt lösenord',
        newPassword: 'ett nytt lösenord',
        confirmPassword: 'ett nytt lösenord',
      }),
    ).toEqual({});
  });
});

describe('board forms', () => {
  it('trims a new board and requires its name', () => {
    expect(validateBoardForm({ name: '  ', organisation: '' }).errors).toEqual({
      name: 'boards.nameRequired',
    });
    expect(validateBoardForm({ name: ' Styrelsen ', organisation: ' Förbundet ' }).request).toEqual(
      { name: 'Styrelsen', organisation: 'Förbundet' },
    );
  });

  it('sends an invitation email only when one is given, and only a valid one', () => {
    expect(validateInvitationForm({ role: 'member', email: ' ' }).request).toEqual({
      role: 'member',
    });
    expect(validateInvitationForm({ role: 'guest', email: 'bo@example.se' }).request).toEqual({
      role: 'guest',
      email: 'bo@example.se',
    });
    expect(validateInvitationForm({ role: 'admin', email: 'bo@' })).toEqual({
      errors: { email: 'form.emailInvalid' },
      request: null,
    });
  });
});

describe('the new-meeting form', () => {
  const valid: MeetingFormValues = {
    title: ' Styrelsemöte ',
    kind: 'board',
    date: '2024-05-14',
    startTime: '',
    place: '  ',
    firstParagraph: '',
  };

  it('builds the request the server expects, leaving out empty optional fields', () => {
    expect(validateMeetingForm(valid)).toEqual({
      errors: {},
      request: { title: 'Styrelsemöte', kind: 'board', date: '2024-05-14', firstParagraph: 1 },
    });
    expect(
      validateMeetingForm({ ...valid, startTime: '18:00', place: 'Sal 2', firstParagraph: '47' })
        .request,
    ).toEqual({
      title: 'Styrelsemöte',
      kind: 'board',
      date: '2024-05-14',
      startTime: '18:00',
      place: 'Sal 2',
      firstParagraph: 47,
    });
  });

  it('names each field that is wrong', () => {
    expect(
      validateMeetingForm({
        ...valid,
        title: '',
        date: '2024-02-30',
        startTime: '25:00',
        firstParagraph: '2.5',
      }),
    ).toEqual({
      errors: {
        title: 'newMeeting.titleRequired',
        date: 'newMeeting.dateInvalid',
        startTime: 'newMeeting.timeInvalid',
        firstParagraph: 'newMeeting.firstParagraphInvalid',
      },
      request: null,
    });
    expect(validateMeetingForm({ ...valid, date: '' }).errors).toEqual({
      date: 'newMeeting.dateRequired',
    });
    expect(validateMeetingForm({ ...valid, firstParagraph: '0' }).errors).toEqual({
      firstParagraph: 'newMeeting.firstParagraphInvalid',
    });
  });

  it('knows real calendar days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('14/05/2024')).toBe(false);
  });
});
