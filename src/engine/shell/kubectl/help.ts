/** Short `--help` texts, shaped like kubectl's (description, examples, usage). */
export const KUBECTL_HELP: Record<string, string> = {
  '': `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

Basic Commands (Beginner):
  create          Create a resource from a file or from stdin
  run             Run a particular image on the cluster
  expose          Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service

Basic Commands (Intermediate):
  explain         Get documentation for a resource
  get             Display one or many resources
  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector
  set             Set specific features on objects

Deploy Commands:
  rollout         Manage the rollout of a resource
  scale           Set a new size for a deployment, replica set, or replication controller

Cluster Management Commands:
  cluster-info    Display cluster information

Troubleshooting and Debugging Commands:
  describe        Show details of a specific resource or group of resources
  logs            Print the logs for a container in a pod
  exec            Execute a command in a container

Advanced Commands:
  apply           Apply a configuration to a resource by file name or stdin
  patch           Update fields of a resource

Settings Commands:
  label           Update the labels on a resource
  annotate        Update the annotations on a resource

Other Commands:
  api-resources   Print the supported API resources on the server
  config          Modify kubeconfig files
  version         Print the client and server version information

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
`,
  get: `Display one or many resources.

Examples:
  # List all pods in ps output format
  kubectl get pods

  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide

  # List a single service with specified NAME in JSON output format
  kubectl get -o json svc kubia

  # List services and endpoints together
  kubectl get svc,ep

Options:
  -A, --all-namespaces=false: List the requested object(s) across all namespaces.
  -o, --output='': Output format. One of: (json, yaml, name, wide, jsonpath=...).
  -l, --selector='': Selector (label query) to filter on.
      --show-labels=false: When printing, show all labels as the last column.

Usage:
  kubectl get [(-o|--output=)json|yaml|name|wide|jsonpath=...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]
`,
  explain: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a
simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

 Information about each field is retrieved from the server in OpenAPI format (here: the Kubernetes 1.33
schema built into kubeplay).

Examples:
  # Get the documentation of the resource and its fields
  kubectl explain pods

  # Get all the fields in the resource
  kubectl explain pods --recursive

  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers

Options:
      --api-version='': Use given api-version (group/version) of the resource.
  -o, --output='plaintext': Format in which to render the schema. Only plaintext here.
      --recursive=false: When true, print the name of all the fields recursively.

Usage:
  kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext] [options]
`,
  describe: `Show details of a specific resource or group of resources.

Examples:
  # Describe a service
  kubectl describe svc kubia

  # Describe pods by name prefix
  kubectl describe pods kubia

Usage:
  kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]
`,
  exec: `Execute a command in a container.

Examples:
  # Get output from running the 'env' command in pod kubia-65mtj
  kubectl exec kubia-65mtj -- env

  # Switch to raw terminal mode; sends stdin to 'bash' in the pod
  kubectl exec kubia-65mtj -it -- bash

Options:
  -c, --container='': Container name. If omitted, the first container in the pod will be chosen.
  -i, --stdin=false: Pass stdin to the container.
  -t, --tty=false: Stdin is a TTY.

Usage:
  kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]
`,
  expose: `Expose a resource as a new Kubernetes service.

Examples:
  # Create a service for a replication controller kubia, which serves on port 80 and connects to the containers on port 8080
  kubectl expose rc kubia --port=80 --target-port=8080

  # Create a NodePort service for deployment nginx
  kubectl expose deployment nginx --port=80 --type=NodePort --name=nginx-nodeport

Options:
      --name='': The name for the newly created object.
      --port='': The port that the service should serve on.
      --protocol='': The network protocol for the service to be created. Default is 'TCP'.
      --session-affinity='': If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'
      --target-port='': Name or number for the port on the container that the service should direct traffic to.
      --type='': Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is 'ClusterIP'.

Usage:
  kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--type=type] [options]
`,
  apply: `Apply a configuration to a resource by file name or stdin.

Examples:
  # Apply the configuration in kubia-svc.yaml to a service
  kubectl apply -f kubia-svc.yaml

Usage:
  kubectl apply (-f FILENAME | -k DIRECTORY) [options]
`,
  create: `Create a resource from a file or from stdin.

Examples:
  # Create a service using the data in kubia-svc.yaml
  kubectl create -f kubia-svc.yaml

Usage:
  kubectl create -f FILENAME [options]
`,
  delete: `Delete resources by file names, stdin, resources and names, or by resources and label selector.

Examples:
  # Delete a pod
  kubectl delete pod kubia-65mtj

  # Delete all pods with label app=kubia
  kubectl delete po -l app=kubia

Usage:
  kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [options]
`,
  scale: `Set a new size for a deployment, replica set, or replication controller.

Examples:
  # Scale replication controller kubia to 3
  kubectl scale rc kubia --replicas=3

Usage:
  kubectl scale [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]
`,
  rollout: `Manage the rollout of one or many resources.

Available Commands:
  history       View rollout history
  restart       Restart a resource
  status        Show the status of the rollout
  undo          Undo a previous rollout

Examples:
  # Roll back to the previous deployment
  kubectl rollout undo deployment/abc

  # Check the rollout status of a deployment
  kubectl rollout status deployment/abc

Usage:
  kubectl rollout SUBCOMMAND [options]
`,
  set: `Configure application resources.

Available Commands:
  image         Update the image of a pod template

Examples:
  # Set a deployment's nginx container image to 'nginx:1.9.1'
  kubectl set image deployment/nginx nginx=nginx:1.9.1

Usage:
  kubectl set SUBCOMMAND [options]
`,
  label: `Update the labels on a resource.

Examples:
  # Update pod 'kubia-65mtj' with the label 'env' and the value 'debug'
  kubectl label pods kubia-65mtj env=debug

  # Remove the label 'env'
  kubectl label pods kubia-65mtj env-

Usage:
  kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [options]
`,
  annotate: `Update the annotations on one or more resources.

Examples:
  kubectl annotate pods kubia-65mtj description='my frontend'

Usage:
  kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [options]
`,
  patch: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

Examples:
  # Add a label with a strategic merge patch (the default)
  kubectl patch svc kubia -p '{"metadata":{"labels":{"tier":"web"}}}'

  # Play the cloud controller: give a pending LoadBalancer Service its address
  kubectl patch svc kubia-lb --subresource=status --type=merge -p '{"status":{"loadBalancer":{"ingress":[{"ip":"203.0.113.10"}]}}}'

  # Change one field with a JSON patch
  kubectl patch svc kubia --type=json -p '[{"op":"replace","path":"/spec/type","value":"NodePort"}]'

Options:
  -p, --patch='': The patch to be applied to the resource JSON file.
      --subresource='': If specified, patch will operate on the subresource of the requested object. Must be one of [status scale].
      --type='strategic': The type of patch being provided; one of [json merge strategic]

Usage:
  kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]
`,
  run: `Create and run a particular image in a pod.

Examples:
  # Start a busybox pod and keep it in the foreground, delete it when it exits
  kubectl run -it --rm dnsutils --image=busybox --restart=Never -- sh

  # Start a pod and run one command in it
  kubectl run client --image=curlimages/curl --restart=Never -- sleep infinity

Usage:
  kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]
`,
  'cluster-info': `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true.

Usage:
  kubectl cluster-info [flags] [options]
`,
  version: `Print the client and server version information for the current context.

Usage:
  kubectl version [flags] [options]
`,
  logs: `Print the logs for a container in a pod.

Usage:
  kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]
`,
  'api-resources': `Print the supported API resources on the server.

Usage:
  kubectl api-resources [flags] [options]
`,
  config: `Modify kubeconfig files.

Available Commands:
  current-context   Display the current-context
  set-context       Set a context entry in kubeconfig

Usage:
  kubectl config SUBCOMMAND [options]
`,
};
