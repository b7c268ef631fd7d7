import { UserMenu } from '../features/auth/user-menu.tsx';
import { defineMessages, setLanguage, useLanguage, useMessages } from '../lib/i18n.ts';
import { overviewHref } from '../lib/routes.ts';

const messages = defineMessages({
  'zh-CN': {
    tagline: '产业链精准招商',
    switchTo: '切换为英文界面 / Switch to English',
  },
  en: {
    tagline: 'Industry-chain investment targeting',
    switchTo: '切换为中文界面 / Switch to Chinese',
  },
});

export function AppHeader() {
  const language = useLanguage();
  const m = useMessages(messages);
  return (
    <header className="app-header">
      <a className="brand" href={overviewHref()}>
        <span className="brand-name">ChainScout</span>
        <span className="brand-tagline">{m.tagline}</span>
      </a>
      <div className="header-tools">
        <UserMenu />
        {/* One toggle rather than two buttons: a single click always switches, whatever the current language. */}
        <button
          type="button"
          className="lang-switch"
          data-testid="lang-switch"
          data-language={language}
          aria-label={m.switchTo}
          title={m.switchTo}
          onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
        >
          <span className={language === 'zh-CN' ? 'is-active' : undefined} lang="zh-CN">
            中文
          </span>
          <span className="lang-switch-divider" aria-hidden="true">
            /
          </span>
          <span className={language === 'en' ? 'is-active' : undefined} lang="en">
            English
          </span>
        </button>
      </div>
    </header>
  );
}
