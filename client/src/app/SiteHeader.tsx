import { UserMenu } from '../auth/UserMenu.tsx';
import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The plain header of the pages outside a meeting: name, language, the signed-in person. */
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Brand />
        <div className="site-header__end">
          <LanguageSwitch />
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
