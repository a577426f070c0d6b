/**
 * Files the admin API answers (a CSV, a PDF) handed to the browser: they come through the
 * admin's authenticated client, so a plain link could not fetch them.
 */

/** Saves the file under `fileName`. */
export const saveAs = (file: Blob, fileName: string) => {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
};

/**
 * A tab opened now, while the click still counts as the user's (a popup blocker lets it), to be
 * shown the file once it has arrived: `show(file)`, or `close()` when it did not.
 */
export const openTab = () => {
  const tab = window.open('', '_blank');
  return {
    show(file: Blob) {
      const url = URL.createObjectURL(file);
      if (tab) tab.location.href = url;
      else window.open(url, '_blank');
      // The tab has loaded it by then; the URL would otherwise hold the file for the page's life.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    close: () => tab?.close(),
  };
};
