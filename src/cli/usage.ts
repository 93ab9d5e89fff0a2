/** The help text (`kubeplay --help`) and the short form printed after a usage error. */
export const USAGE = `Usage:
  kubeplay check FILE... [--json]
  kubeplay trace FILE... --from TARGET --url URL [options] [--count N]
  kubeplay load  FILE... --from TARGET --url URL --requests N [options]
  kubeplay run   FILE... [--seed N] [--json] -- 'COMMAND' ...
  kubeplay --help`;

export const HELP = `kubeplay: the Kubernetes networking playground's engine, from the command line.

${USAGE}

FILE is a Kubernetes manifest (several documents allowed); several files are read in order, as if
they were one multi-document file; - reads standard input.

Commands:
  check   Print diagnostics, one a line: file:line:col severity path: message
          (--json: an array of {file,line,column,severity,path,message}). Exit 1 when any is an error.
  trace   Route one HTTP request and print its Trace as JSON. With --count N, route N requests, each
          a new connection with the state carried between them, and print one Trace a line.
  load    Route N requests and print one JSON object:
          {requests, outcomes:{ok,refused,timeout,unresolved,http-error}, byEndpoint:{"ns/pod":count}, seconds}

  run     Run terminal commands in order (kubectl …, curl …, nslookup …, kubectl exec POD -- …) on the
          cluster the files describe, and print what the terminal would: each prompt and command, then
          its output. The FILEs can also be named in the commands (kubectl apply -f FILE). --json prints
          one {command, exitCode, output, traces} a line. Exit code: the last command's.

Request options (trace, load):
  --from TARGET          client/NAME (client/laptop exists; another name creates a client),
                         pod/NAMESPACE/NAME or node/NAME
  --url URL              http://kubia, http://10.96.0.10:80/path, kubia.example.com/foo, ...
  --client-ip IP         the source IP of an outside client
  -H, --header 'N: v'    an extra request header (repeatable); Host: overrides the URL's host
  --resolve H:P:ADDR     resolve H:P to ADDR, as curl does (repeatable)
  -X, --request METHOD   the HTTP method (default GET)
  --seed N               the random seed, default 1 (same inputs and seed: same pod names, IPs
                         and choices)

Exit codes: 0 fine, 1 the manifests have errors (or check found one), 2 bad arguments.`;
