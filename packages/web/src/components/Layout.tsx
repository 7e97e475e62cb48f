import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { SignInForm } from '../features/auth/components/SignInForm';
import { useAuth } from '../features/auth/components/AuthProvider';
import { ViewerBadge } from '../features/auth/components/ViewerBadge';

/** The frame of every page: skip link, header with navigation and who is signed in, main content (or the sign-in form). */
export function Layout({ children }: { children: ReactNode }) {
  const { signInReason } = useAuth();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <span className="brand">revprov</span>
        <nav aria-label="Main">
          <NavLink to="/" end>
            Catalog
          </NavLink>
          <NavLink to="/templates">Templates</NavLink>
          <a href="/graphql">GraphiQL</a>
        </nav>
        <ViewerBadge />
      </header>
      <main id="main" tabIndex={-1}>
        {signInReason !== null ? <SignInForm /> : children}
      </main>
    </>
  );
}
