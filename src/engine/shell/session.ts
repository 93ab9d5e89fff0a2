/**
 * Where the terminal is: on the student's laptop (an outside client) or inside a pod after
 * `kubectl exec POD -it -- bash`. Plain data, so the app can keep it in its store.
 */
export type ShellLocation =
  | { kind: 'client'; client: string }
  | {
      kind: 'pod';
      namespace: string;
      pod: string;
      container: string;
      /** `kubectl run --rm -it`: the pod is deleted when this shell exits. */
      removeOnExit?: boolean;
      /** busybox ash (Alpine/busybox images) prompts `/ # `; bash prompts `root@POD:/# `. */
      shell?: 'bash' | 'ash';
    };

export interface ShellSession {
  location: ShellLocation;
  /** Where `exit` goes back to (the laptop after leaving a pod). */
  previous: ShellLocation[];
  /** kubectl's namespace when no `-n` is given (the current context's namespace). */
  namespace: string;
  /** Files the laptop holds, for `kubectl apply -f FILE`: path -> text. `> FILE` writes here too. */
  files: Record<string, string>;
  /** What `-f -` reads (the CLI's standard input). */
  stdin?: string;
}

export interface CreateShellSessionOptions {
  client?: string;
  namespace?: string;
  files?: Record<string, string>;
  stdin?: string;
}

export function createShellSession(options: CreateShellSessionOptions = {}): ShellSession {
  return {
    location: { kind: 'client', client: options.client ?? 'laptop' },
    previous: [],
    namespace: options.namespace ?? 'default',
    files: { ...(options.files ?? {}) },
    ...(options.stdin !== undefined ? { stdin: options.stdin } : {}),
  };
}

/** `student@laptop:~$ ` outside, `root@kubia-65mtj:/# ` inside a pod (bash as root in most images). */
export function getPrompt(session: ShellSession): string {
  const at = session.location;
  if (at.kind === 'pod') return at.shell === 'ash' ? '/ # ' : `root@${at.pod}:/# `;
  return `student@${at.client}:~$ `;
}
