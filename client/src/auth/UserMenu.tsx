import { useEffect, useId, useRef, useState } from 'react';
import { useIdentity } from '../app/identity.ts';
import { followInApp, navigate } from '../app/navigation.ts';
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
  const [open, setOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const containerRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const container = containerRef.current;
    const onPointerDown = (event: PointerEvent) => {
      if (!container?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    // Tabbing past the last control closes the panel instead of leaving it open behind.
    const onFocusOut = (event: FocusEvent) => {
      if (!container?.contains(event.relatedTarget as Node | null)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    container?.addEventListener('focusout', onFocusOut);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
      container?.removeEventListener('focusout', onFocusOut);
    };
  }, [open]);

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
