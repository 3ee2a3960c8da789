// A QR code of a link, drawn locally (the qrcode package, loaded on first use; nothing is fetched
// from the network) as a data-URL image large enough to scan from the back of a classroom.
import { useEffect, useState } from 'react';
import { useT } from '../i18n/useT';

/** Pixels of the generated image (it is scaled down by CSS on small screens). */
const SIZE = 480;

export function QrCode({ text }: { text: string }) {
  const t = useT();
  const [state, setState] = useState<{ text: string; url: string | null } | null>(null);

  useEffect(() => {
    let live = true;
    import('qrcode')
      .then((qr) =>
        qr.toDataURL(text, {
          errorCorrectionLevel: 'L',
          margin: 2,
          width: SIZE,
          color: { dark: '#000000', light: '#ffffff' },
        }),
      )
      .then(
        (url) => live && setState({ text, url }),
        () => live && setState({ text, url: null }),
      );
    return () => {
      live = false;
    };
  }, [text]);

  if (!state || state.text !== text) return <div className="qr qr--pending" aria-hidden="true" />;
  if (state.url === null) return <p className="qr__none">{t('share.qrTooLong')}</p>;
  return (
    <img
      className="qr"
      src={state.url}
      width={SIZE}
      height={SIZE}
      alt={t('share.qr')}
      data-testid="share-qr"
    />
  );
}
