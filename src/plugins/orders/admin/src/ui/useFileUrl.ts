import { useEffect, useState } from 'react';

/**
 * A file the admin API answers, as an object URL a page can show (an <iframe>'s src): loaded
 * while `load` is given, let go when the page leaves or asks for another. `failed` when it could
 * not be loaded. `load` must be stable (useCallback) or it is asked again on every render.
 */
export const useFileUrl = (load: (() => Promise<{ data: Blob }>) | undefined) => {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!load) return;
    let current = true;
    let made: string | null = null;
    load().then(
      ({ data }) => {
        if (!current) return;
        made = URL.createObjectURL(data);
        setUrl(made);
        setFailed(false);
      },
      () => current && setFailed(true)
    );
    return () => {
      current = false;
      if (made) URL.revokeObjectURL(made);
      setUrl(null);
    };
  }, [load]);

  return { url, failed };
};
