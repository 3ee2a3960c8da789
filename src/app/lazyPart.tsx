// Parts of the page fetched on first use (dialogs, the gallery, the inspector). A fetch can fail —
// the connection dropped, or the site was updated and the old chunk is gone — so each part sits in
// a boundary that says so, with a button that fetches it again, instead of blanking the page (an
// error thrown while rendering unmounts the whole React root). The cluster keeps running.
import { Component, lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react';
import { useT } from './i18n/useT';

/** A lazily fetched component that can be fetched again after a failure, or ahead of use. */
export interface LazyPart<P extends object> {
  Component: ComponentType<P>;
  /** Fetches the chunk now (at idle, after the first frame); failures are left for first use. */
  preload(): void;
}

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): LazyPart<P> {
  const make = () => lazy(() => load().then((c) => ({ default: c })));
  let Current = make();
  function Part(props: P) {
    const [attempt, setAttempt] = useState(0);
    return (
      <PartBoundary
        key={attempt}
        onRetry={() => {
          Current = make();
          setAttempt((n) => n + 1);
        }}
      >
        <Suspense fallback={null}>
          <Current {...props} />
        </Suspense>
      </PartBoundary>
    );
  }
  return {
    Component: Part,
    preload: () => void load().catch(() => undefined),
  };
}

function PartBoundary({ onRetry, children }: { onRetry(): void; children: ReactNode }) {
  const t = useT();
  return (
    <Boundary
      fallback={(error) => (
        <div className="part-error" role="alert">
          <p>{t('errors.chunk', { message: error })}</p>
          <button type="button" className="btn" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        </div>
      )}
    >
      {children}
    </Boundary>
  );
}

class Boundary extends Component<
  { fallback(error: string): ReactNode; children: ReactNode },
  { error: string | null }
> {
  override state: { error: string | null } = { error: null };

  static getDerivedStateFromError(e: unknown): { error: string } {
    return { error: e instanceof Error ? e.message : String(e) };
  }

  override render(): ReactNode {
    return this.state.error !== null ? this.props.fallback(this.state.error) : this.props.children;
  }
}
