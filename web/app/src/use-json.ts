import { useCallback, useEffect, useState } from 'react';

export type Loaded<T> = { readonly data: T | undefined; readonly error: string | undefined; readonly reload: () => void };

/** GETs a JSON resource of the sandbox's API once, with an error the page can show and a retry. */
export function useJson<T>(url: string): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    fetch(url)
      .then(async (response) => {
        if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
        return (await response.json()) as T;
      })
      .then(
        (json) => live && (setData(json), setError(undefined)),
        (caught: unknown) => live && setError(`could not load ${url}: ${caught instanceof Error ? caught.message : String(caught)}`),
      );
    return () => {
      live = false;
    };
  }, [url, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, reload };
}
