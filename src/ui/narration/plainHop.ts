/**
 * A hop in one plain sentence, in the reader's language, from the hop's kind, place and facts
 * (Hop.facts): "kube-proxy on kind-worker sends it to one of the 3 kubia pods at random — this time
 * kubia-w446j". Wording only: every decision was made by the engine, which also wrote the engineer's
 * note (the `details` level).
 */
import type { TFunction } from 'i18next';
import type { GraphId, Hop } from '../../engine/index.ts';

/** `default/kubia` -> `kubia`; another namespace stays visible: `shop/cart`. */
function shortName(key: string): string {
  return key.startsWith('default/') ? key.slice('default/'.length) : key;
}

/** What to call a graph element in a sentence: a pod, node or client by its name. */
export function nameOfGraphId(id: GraphId, t: TFunction): string {
  if (id === 'dns') return t('narration.clusterDns');
  if (id === 'cluster') return t('narration.theCluster');
  const slash = id.indexOf('/');
  const kind = slash < 0 ? id : id.slice(0, slash);
  const rest = slash < 0 ? '' : id.slice(slash + 1);
  if (kind === 'lb') return t('narration.loadBalancer');
  if (kind === 'ing') return t('narration.ingress', { name: shortName(rest) });
  // pod/ns/name, svc/ns/name, ep/ns/name: the name; node/x and client/x: x.
  return rest.slice(rest.lastIndexOf('/') + 1) || id;
}

/** The plain sentence for one hop. */
export function plainHopText(hop: Hop, t: TFunction): string {
  const f = hop.facts ?? {};
  const who = nameOfGraphId(hop.at, t);
  const service = f.service === undefined ? '' : shortName(f.service);
  const chosen = f.pod !== undefined ? (f.pod.split('/')[1] ?? f.pod) : (f.chosen ?? hop.dst);
  const things = f.pod !== undefined ? t('narration.pods') : t('narration.endpoints');
  const choice = { node: f.node ?? who, service, chosen, of: f.of, things };
  switch (hop.kind) {
    case 'dns':
      return f.name === undefined
        ? t('narration.dnsLookup')
        : f.answer === undefined
          ? t('narration.dnsNoAnswer', { name: f.name })
          : t('narration.dns', { name: f.name, answer: f.answer });
    case 'send':
      return t('narration.send', { who, dst: hop.dst });
    case 'dnat':
      if (f.service === undefined) return t('narration.dnat', { who, dst: hop.dst });
      if (f.pick === 'only') return t('narration.dnatOnly', choice);
      if (f.pick === 'affinity') return t('narration.dnatSticky', choice);
      if (f.pick === 'round-robin') return t('narration.dnatTurn', choice);
      return t('narration.dnatRandom', choice);
    case 'snat':
      return t('narration.snat', { node: f.node ?? who });
    case 'forward':
      return f.from !== undefined && f.node !== undefined
        ? t('narration.forward', { from: f.from, node: f.node })
        : t('narration.forwardTo', { who });
    case 'balance':
      if (f.chosen === undefined) return t('narration.balance');
      return f.pick === 'only'
        ? t('narration.balanceOnly', { chosen: f.chosen })
        : t('narration.balanceTurn', { chosen: f.chosen, of: f.of });
    case 'route':
      if (f.address !== undefined)
        return t('narration.announced', { node: f.node ?? who, address: f.address });
      if (f.service === undefined) return t('narration.route');
      return f.of !== undefined ? t('narration.routeTurn', choice) : t('narration.routeService', { service });
    case 'deliver':
      return f.status !== undefined
        ? t('narration.deliver', { who, status: f.status })
        : t('narration.deliverPacket', { who });
    case 'reply':
      return t('narration.reply', { who });
    case 'drop':
      return t('narration.drop', { who });
    case 'reject':
      return t('narration.reject', { who });
  }
}
