import { useState } from 'react';
import { useIdentity } from '../app/identity.ts';
import { followInApp, navigate } from '../app/navigation.ts';
import { usePopover } from '../app/usePopover.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { initialsOf } from '../sync/presence.ts';
import { signOut, useSession } from './session.ts';

/**
 * The signed-in person's name in the header; opens a small panel with their account and
 * "sign out". A disclosure (button + region), not an ARIA menu: two ordinary controls that Tab
 * reaches, Escape closes, and focus returns to the button.
 */
export function UserMenu() {
  const { t } = useI18n();
  const session = useSession();
  const identity = useIdentity();
  const { open, setOpen, containerRef, buttonRef, panelId } = usePopover();
  const [signingOut, setSigningOut] = useState(false);

  if (identity === null) return null;
  const email = session.status === 'signedIn' ? session.user.email : null;

  const close = () => setOpen(false);

  const onSignOut = async () => {
    setSigningOut(true);
    await signOut();
    setSigningOut(false);
    navigate('/login');
  };

  return (
    <div className="user-menu" ref={containerRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" style={{ backgroundColor: identity.color }} aria-hidden="true">
          {initialsOf(identity.name) || '?'}
        </span>
        <span className="user-menu__name">
          <span className="visually-hidden">{t('userMenu.signedInAs')} </span>
          {identity.name}
        </span>
        <span className="user-menu__chevron" aria-hidden="true" />
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <p className="user-menu__who">
          <span className="user-menu__who-name">{identity.name}</span>
          {email !== null && <span className="user-menu__who-email">{email}</span>}
        </p>
        <ul className="user-menu__actions">
          <li>
            <a
              className="user-menu__action"
              href="/account"
              onClick={(event) => {
                close();
                followInApp(event);
              }}
            >
              {t('userMenu.account')}
            </a>
          </li>
          <li>
            <a
              className="user-menu__action"
              href="/"
              onClick={(event) => {
                close();
                followInApp(event);
              }}
            >
              {t('userMenu.boards')}
            </a>
          </li>
          <li>
            <button
              type="button"
              className="user-menu__action"
              onClick={() => void onSignOut()}
              disabled={signingOut}
            >
              {t('userMenu.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}
