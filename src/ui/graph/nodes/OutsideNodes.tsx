import { memo } from 'react';
import { Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { hostsEntryLine } from '../../../engine/index.ts';
import type { ClientData, DnsData, LoadBalancerData, OutsideHostData } from '../graphData.ts';
import { useIsSelected } from './useNodeFlags.ts';
import { StaticHandle } from './StaticHandle.tsx';

function LoadBalancerNodeView({ id, data }: NodeProps & { data: LoadBalancerData }) {
  const selected = useIsSelected(id);
  return (
    <div className={`kp-card kp-lb${selected ? ' kp-selected' : ''}`} data-graph-id={id}>
      <StaticHandle type="source" position={Position.Right} className="kp-handle" />
      <div className="kp-title">
        <span className="kp-kind">LB</span> <span className="kp-name">{data.name}</span>
      </div>
      {/* The address and the ports on lines of their own: on one they wrapped after the separator
          (`172.18.255.200 ·` / `80/TCP`) at the size the back row reads. */}
      <div className="kp-mono">{data.ip}</div>
      {data.ports && <div className="kp-mono">{data.ports}</div>}
    </div>
  );
}

function ClientNodeView({ id, data }: NodeProps & { data: ClientData }) {
  const selected = useIsSelected(id);
  const first = data.hosts[0];
  return (
    <div className={`kp-card kp-client${selected ? ' kp-selected' : ''}`} data-graph-id={id}>
      <div className="kp-title">
        <span className="kp-kind">client</span> <span className="kp-name">{data.name}</span>
      </div>
      <div className="kp-mono">{data.ip || 'outside the cluster'}</div>
      {/* What `sudo tee -a /etc/hosts` added (the Ingress lesson's step), so the name the laptop now
          resolves is on the graph; the first line, the others in the tooltip. */}
      {first && (
        <div
          className="kp-client-hosts"
          title={data.hosts.map(hostsEntryLine).join('\n')}
          data-testid="client-hosts"
        >
          <div className="kp-client-hosts-file">
            /etc/hosts <span className="kp-mono">{first.ip}</span>
            {data.hosts.length > 1 && <span className="kp-ports-more"> +{data.hosts.length - 1} more</span>}
          </div>
          <div className="kp-mono">{first.hostnames.join(' ')}</div>
        </div>
      )}
    </div>
  );
}

function OutsideHostNodeView({ id, data }: NodeProps & { data: OutsideHostData }) {
  const selected = useIsSelected(id);
  return (
    <div className={`kp-card kp-outside${selected ? ' kp-selected' : ''}`} data-graph-id={id}>
      <div className="kp-title">
        <span className="kp-kind">outside</span> <span className="kp-name">{data.name}</span>
      </div>
      {/* Its address, then the names it answers to on a line of their own (as the load balancer's). */}
      <div className="kp-mono">{data.ip}</div>
      {data.hostnames && <div className="kp-mono">{data.hostnames}</div>}
    </div>
  );
}

function DnsNodeView({ id, data }: NodeProps & { data: DnsData }) {
  const selected = useIsSelected(id);
  return (
    // The Service's name is the title (the kind tag says DNS) so its address and zone each keep a line
    // at a size the back row reads (graph.css --kp-short-line-size); `kube-dns 10.96.0.10:53` on one
    // line was cut at that size. The tooltip says it in words.
    <div
      className={`kp-card kp-dns${selected ? ' kp-selected' : ''}`}
      data-graph-id={id}
      title={`cluster DNS: the kube-dns Service${data.ip ? ` at ${data.ip}:53` : ''} answers *.svc.${data.domain}`}
    >
      <div className="kp-title">
        <span className="kp-kind">DNS</span> <span className="kp-name">kube-dns</span>
      </div>
      {data.ip && <div className="kp-mono">{data.ip}:53</div>}
      <div className="kp-muted kp-small">*.svc.{data.domain}</div>
    </div>
  );
}

export const LoadBalancerNode = memo(LoadBalancerNodeView);
export const ClientNode = memo(ClientNodeView);
export const DnsNode = memo(DnsNodeView);
export const OutsideHostNode = memo(OutsideHostNodeView);
