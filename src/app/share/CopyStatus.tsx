// The live line next to a Copy button: "Copied", or how to copy by hand when the browser would not.
import { useT } from '../i18n/useT';

export type CopyState = 'copied' | 'manual' | null;

export function CopyStatus({ state }: { state: CopyState }) {
  const t = useT();
  return (
    <span role="status" className="dialog__status">
      {state === 'copied' ? t('share.copied') : state === 'manual' ? t('share.copyManual') : ''}
    </span>
  );
}
