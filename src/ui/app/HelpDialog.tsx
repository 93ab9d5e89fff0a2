import { useEffect, useRef } from 'react';
import { useApp, useView } from '../../store/react.ts';

export function HelpDialog() {
  const app = useApp();
  const open = useView((s) => s.helpOpen);
  const ref = useRef<HTMLDialogElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="kp-help"
      aria-labelledby="kp-help-title"
      onClose={() => app.view.setState({ helpOpen: false })}
    >
      <h2 id="kp-help-title">How to use kubeplay</h2>
      <ul>
        <li>
          Edit the YAML on the right: the cluster graph follows as you type. Errors appear under the graph.
        </li>
        <li>
          Send a request from the bar above the graph: pick who sends it (your laptop or any pod) and a URL.
          The packet travels hop by hop; its label shows the source and destination and changes where NAT
          rewrites them.
        </li>
        <li>Step mode moves one hop per click and explains each hop. Speed and pause are beside it.</li>
        <li>
          Click anything in the graph to inspect it; take a node down, mark a pod unready, delete or scale.
        </li>
        <li>The traffic generator sends many requests and shows how they spread over the pods.</li>
        <li>Drag to rearrange, scroll to zoom; your YAML is saved in this browser.</li>
      </ul>
      <form method="dialog">
        <button type="submit" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}
