/** Opens the library of saved scenarios (src/ui/library); the dialog loads on first use. */
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';

const LibraryDialog = lazy(async () => ({ default: (await import('./LibraryDialog.tsx')).LibraryDialog }));

export function LibraryButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        title={t('library.buttonTitle')}
        aria-haspopup="dialog"
        data-testid="library-button"
      >
        {t('library.button')}
      </button>
      {open && (
        <Suspense fallback={null}>
          <LibraryDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
