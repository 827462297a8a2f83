import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { SkipLink } from '@distans/web-ui/header-parts';
import { LanguageSwitch, useI18n } from '@distans/web-ui/i18n';

/** Every page: the service's name, the language menu, then the page itself. */
export function Layout(props: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <Link href="/" className="service-name">
            {t('app.name')}
          </Link>
          <nav aria-label={t('language.label')}>
            <LanguageSwitch />
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="site-main">
        {props.children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}
