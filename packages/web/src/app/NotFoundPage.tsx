import { Link } from 'react-router';

/** Any address the workbench does not know. */
export function NotFoundPage() {
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        Nothing lives at this address. <Link to="/">Go to the catalog</Link>
      </p>
    </section>
  );
}
