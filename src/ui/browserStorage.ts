/** The page's localStorage, or null where reading it throws (storage disabled, some private modes). */
export function getBrowserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
