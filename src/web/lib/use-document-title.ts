import { useEffect } from "react";

/** "People · Keel": tabs and history stay tellable apart. */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Keel` : "Keel";
  }, [title]);
}
