import { Brand } from './Brand.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The plain header of the pages outside a meeting. */
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Brand />
        <LanguageSwitch />
      </div>
    </header>
  );
}
