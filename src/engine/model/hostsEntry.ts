/**
 * One line of an /etc/hosts file: the address, then its names, space-separated (hosts(5)). The line
 * `echo "IP NAME" | sudo tee -a /etc/hosts` adds, as `cat /etc/hosts` prints it, the export writes it,
 * and the graph and the inspector show it. Free of imports: the page's first chunk draws the laptop's
 * card with it.
 */
export function hostsEntryLine(entry: {
  readonly ip: string;
  readonly hostnames: readonly string[];
}): string {
  return `${entry.ip} ${entry.hostnames.join(' ')}`;
}
