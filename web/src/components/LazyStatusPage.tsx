import { lazy, Suspense, type ComponentProps } from 'react';
import { PageLoading } from './PageLoading';

// The status pictures (antd Result's 404/403/500 illustrations) load only when a status page shows,
// not with the first screen of every visit (issue 15: the login page's JS on the wire).
const StatusPageChunk = lazy(() => import('./StatusPage').then((m) => ({ default: m.StatusPage })));

/** StatusPage for the app's shell (router, guards, error boundary), loaded on demand. */
export function LazyStatusPage(props: ComponentProps<typeof StatusPageChunk>) {
  return (
    <Suspense fallback={<PageLoading />}>
      <StatusPageChunk {...props} />
    </Suspense>
  );
}
